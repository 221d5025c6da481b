import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`_consultations_v\` ADD \`snapshot\` integer;`)
  await db.run(sql`ALTER TABLE \`_consultations_v\` ADD \`published_locale\` text;`)
  await db.run(sql`CREATE INDEX \`_consultations_v_snapshot_idx\` ON \`_consultations_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_published_locale_idx\` ON \`_consultations_v\` (\`published_locale\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_consultations_v_snapshot_idx\`;`)
  await db.run(sql`DROP INDEX \`_consultations_v_published_locale_idx\`;`)
  await db.run(sql`ALTER TABLE \`_consultations_v\` DROP COLUMN \`snapshot\`;`)
  await db.run(sql`ALTER TABLE \`_consultations_v\` DROP COLUMN \`published_locale\`;`)
}
