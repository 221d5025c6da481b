import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`consultation_comments\` ADD \`contact_erased_at\` text;`)
  await db.run(sql`CREATE INDEX \`consultation_comments_contact_erased_at_idx\` ON \`consultation_comments\` (\`contact_erased_at\`);`)
  await db.run(sql`ALTER TABLE \`questions\` ADD \`contact_erased_at\` text;`)
  await db.run(sql`CREATE INDEX \`questions_contact_erased_at_idx\` ON \`questions\` (\`contact_erased_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`consultation_comments_contact_erased_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`consultation_comments\` DROP COLUMN \`contact_erased_at\`;`)
  await db.run(sql`DROP INDEX \`questions_contact_erased_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`questions\` DROP COLUMN \`contact_erased_at\`;`)
}
