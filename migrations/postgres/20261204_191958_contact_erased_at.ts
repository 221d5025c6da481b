import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'eraseExpiredContacts' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'eraseExpiredContacts' BEFORE 'schedulePublish';
  ALTER TABLE "consultation_comments" ADD COLUMN "contact_erased_at" timestamp(3) with time zone;
  ALTER TABLE "questions" ADD COLUMN "contact_erased_at" timestamp(3) with time zone;
  CREATE INDEX "consultation_comments_contact_erased_at_idx" ON "consultation_comments" USING btree ("contact_erased_at");
  CREATE INDEX "questions_contact_erased_at_idx" ON "questions" USING btree ("contact_erased_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'refreshWeather', 'pruneAuditTrail', 'backupDaily', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'refreshWeather', 'pruneAuditTrail', 'backupDaily', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "consultation_comments_contact_erased_at_idx";
  DROP INDEX "questions_contact_erased_at_idx";
  ALTER TABLE "consultation_comments" DROP COLUMN "contact_erased_at";
  ALTER TABLE "questions" DROP COLUMN "contact_erased_at";`)
}
