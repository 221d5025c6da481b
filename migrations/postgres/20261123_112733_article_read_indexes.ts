import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "site_slug_idx" ON "articles" USING btree ("site_id","slug");
  CREATE INDEX "site__status_publishedAt_idx" ON "articles" USING btree ("site_id","_status","published_at");
  CREATE INDEX "version_site_version_slug_idx" ON "_articles_v" USING btree ("version_site_id","version_slug");
  CREATE INDEX "version_site_version__status_version_publishedAt_idx" ON "_articles_v" USING btree ("version_site_id","version__status","version_published_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "site_slug_idx";
  DROP INDEX "site__status_publishedAt_idx";
  DROP INDEX "version_site_version_slug_idx";
  DROP INDEX "version_site_version__status_version_publishedAt_idx";`)
}
