import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "site_slug_idx";
  CREATE UNIQUE INDEX "site_slug_idx" ON "articles" USING btree ("site_id","slug");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "site_slug_idx";
  CREATE INDEX "site_slug_idx" ON "articles" USING btree ("site_id","slug");`)
}
