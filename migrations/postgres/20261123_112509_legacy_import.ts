import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "legacy_source" varchar;
  ALTER TABLE "articles" ADD COLUMN "legacy_fingerprint" varchar;
  ALTER TABLE "articles" ADD COLUMN "legacy_hash" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_legacy_source" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_legacy_fingerprint" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_legacy_hash" varchar;
  ALTER TABLE "media" ADD COLUMN "legacy_fingerprint" varchar;
  CREATE INDEX "articles_legacy_source_idx" ON "articles" USING btree ("legacy_source");
  CREATE INDEX "articles_legacy_fingerprint_idx" ON "articles" USING btree ("legacy_fingerprint");
  CREATE UNIQUE INDEX "site_legacyFingerprint_idx" ON "articles" USING btree ("site_id","legacy_fingerprint");
  CREATE INDEX "_articles_v_version_version_legacy_source_idx" ON "_articles_v" USING btree ("version_legacy_source");
  CREATE INDEX "_articles_v_version_version_legacy_fingerprint_idx" ON "_articles_v" USING btree ("version_legacy_fingerprint");
  CREATE INDEX "version_site_version_legacyFingerprint_idx" ON "_articles_v" USING btree ("version_site_id","version_legacy_fingerprint");
  CREATE INDEX "media_legacy_fingerprint_idx" ON "media" USING btree ("legacy_fingerprint");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "articles_legacy_source_idx";
  DROP INDEX "articles_legacy_fingerprint_idx";
  DROP INDEX "site_legacyFingerprint_idx";
  DROP INDEX "_articles_v_version_version_legacy_source_idx";
  DROP INDEX "_articles_v_version_version_legacy_fingerprint_idx";
  DROP INDEX "version_site_version_legacyFingerprint_idx";
  DROP INDEX "media_legacy_fingerprint_idx";
  ALTER TABLE "articles" DROP COLUMN "legacy_source";
  ALTER TABLE "articles" DROP COLUMN "legacy_fingerprint";
  ALTER TABLE "articles" DROP COLUMN "legacy_hash";
  ALTER TABLE "_articles_v" DROP COLUMN "version_legacy_source";
  ALTER TABLE "_articles_v" DROP COLUMN "version_legacy_fingerprint";
  ALTER TABLE "_articles_v" DROP COLUMN "version_legacy_hash";
  ALTER TABLE "media" DROP COLUMN "legacy_fingerprint";`)
}
