import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'remindOverdueQuestions' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'remindOverdueQuestions' BEFORE 'schedulePublish';
  ALTER TABLE "users" ADD COLUMN "organisation_unit_id" integer;
  ALTER TABLE "questions" ADD COLUMN "organisation_unit_id" integer;
  ALTER TABLE "questions" ADD COLUMN "overdue_reminded_at" timestamp(3) with time zone;
  ALTER TABLE "users" ADD CONSTRAINT "users_organisation_unit_id_units_id_fk" FOREIGN KEY ("organisation_unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "questions" ADD CONSTRAINT "questions_organisation_unit_id_units_id_fk" FOREIGN KEY ("organisation_unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "users_organisation_unit_idx" ON "users" USING btree ("organisation_unit_id");
  CREATE INDEX "questions_organisation_unit_idx" ON "questions" USING btree ("organisation_unit_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "users" DROP CONSTRAINT "users_organisation_unit_id_units_id_fk";
  
  ALTER TABLE "questions" DROP CONSTRAINT "questions_organisation_unit_id_units_id_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'refreshWeather', 'pruneAuditTrail', 'backupDaily', 'eraseExpiredContacts', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'refreshWeather', 'pruneAuditTrail', 'backupDaily', 'eraseExpiredContacts', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "users_organisation_unit_idx";
  DROP INDEX "questions_organisation_unit_idx";
  ALTER TABLE "users" DROP COLUMN "organisation_unit_id";
  ALTER TABLE "questions" DROP COLUMN "organisation_unit_id";
  ALTER TABLE "questions" DROP COLUMN "overdue_reminded_at";`)
}
