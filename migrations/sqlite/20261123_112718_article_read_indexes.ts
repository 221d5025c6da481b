import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`site_slug_idx\` ON \`articles\` (\`site_id\`,\`slug\`);`)
  await db.run(sql`CREATE INDEX \`site__status_publishedAt_idx\` ON \`articles\` (\`site_id\`,\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`version_site_version_slug_idx\` ON \`_articles_v\` (\`version_site_id\`,\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`version_site_version__status_version_publishedAt_idx\` ON \`_articles_v\` (\`version_site_id\`,\`version__status\`,\`version_published_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`site_slug_idx\`;`)
  await db.run(sql`DROP INDEX \`site__status_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version_site_version_slug_idx\`;`)
  await db.run(sql`DROP INDEX \`version_site_version__status_version_publishedAt_idx\`;`)
}
