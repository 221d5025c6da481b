import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`site_slug_idx\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`site_slug_idx\` ON \`articles\` (\`site_id\`,\`slug\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`site_slug_idx\`;`)
  await db.run(sql`CREATE INDEX \`site_slug_idx\` ON \`articles\` (\`site_id\`,\`slug\`);`)
}
