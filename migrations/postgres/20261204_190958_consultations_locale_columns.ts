import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum__consultations_v_published_locale" AS ENUM('vi', 'en');
  ALTER TABLE "_consultations_v" ADD COLUMN "snapshot" boolean;
  ALTER TABLE "_consultations_v" ADD COLUMN "published_locale" "enum__consultations_v_published_locale";
  CREATE INDEX "_consultations_v_snapshot_idx" ON "_consultations_v" USING btree ("snapshot");
  CREATE INDEX "_consultations_v_published_locale_idx" ON "_consultations_v" USING btree ("published_locale");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "_consultations_v_snapshot_idx";
  DROP INDEX "_consultations_v_published_locale_idx";
  ALTER TABLE "_consultations_v" DROP COLUMN "snapshot";
  ALTER TABLE "_consultations_v" DROP COLUMN "published_locale";
  DROP TYPE "public"."enum__consultations_v_published_locale";`)
}
