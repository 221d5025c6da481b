import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_questions_kind" AS ENUM('question', 'feedback');
  ALTER TABLE "questions" ALTER COLUMN "field_id" DROP NOT NULL;
  ALTER TABLE "questions" ALTER COLUMN "follow_up_hash" DROP NOT NULL;
  ALTER TABLE "questions" ADD COLUMN "kind" "enum_questions_kind" DEFAULT 'question' NOT NULL;
  CREATE INDEX "questions_kind_idx" ON "questions" USING btree ("kind");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "questions_kind_idx";
  ALTER TABLE "questions" ALTER COLUMN "field_id" SET NOT NULL;
  ALTER TABLE "questions" ALTER COLUMN "follow_up_hash" SET NOT NULL;
  ALTER TABLE "questions" DROP COLUMN "kind";
  DROP TYPE "public"."enum_questions_kind";`)
}
