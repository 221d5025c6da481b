import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`legacy_source\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`legacy_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`legacy_hash\` text;`)
  await db.run(sql`CREATE INDEX \`articles_legacy_source_idx\` ON \`articles\` (\`legacy_source\`);`)
  await db.run(sql`CREATE INDEX \`articles_legacy_fingerprint_idx\` ON \`articles\` (\`legacy_fingerprint\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`site_legacyFingerprint_idx\` ON \`articles\` (\`site_id\`,\`legacy_fingerprint\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_legacy_source\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_legacy_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_legacy_hash\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_legacy_source_idx\` ON \`_articles_v\` (\`version_legacy_source\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_legacy_fingerprint_idx\` ON \`_articles_v\` (\`version_legacy_fingerprint\`);`)
  await db.run(sql`CREATE INDEX \`version_site_version_legacyFingerprint_idx\` ON \`_articles_v\` (\`version_site_id\`,\`version_legacy_fingerprint\`);`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`legacy_fingerprint\` text;`)
  await db.run(sql`CREATE INDEX \`media_legacy_fingerprint_idx\` ON \`media\` (\`legacy_fingerprint\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_legacy_source_idx\`;`)
  await db.run(sql`DROP INDEX \`articles_legacy_fingerprint_idx\`;`)
  await db.run(sql`DROP INDEX \`site_legacyFingerprint_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`legacy_source\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`legacy_fingerprint\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`legacy_hash\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_legacy_source_idx\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_legacy_fingerprint_idx\`;`)
  await db.run(sql`DROP INDEX \`version_site_version_legacyFingerprint_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_legacy_source\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_legacy_fingerprint\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_legacy_hash\`;`)
  await db.run(sql`DROP INDEX \`media_legacy_fingerprint_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`legacy_fingerprint\`;`)
}
