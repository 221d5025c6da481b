import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "question_attachments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer,
  	"original_name" varchar,
  	"question_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "question_attachments_id" integer;
  ALTER TABLE "question_attachments" ADD CONSTRAINT "question_attachments_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "question_attachments" ADD CONSTRAINT "question_attachments_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "question_attachments_site_idx" ON "question_attachments" USING btree ("site_id");
  CREATE INDEX "question_attachments_question_idx" ON "question_attachments" USING btree ("question_id");
  CREATE INDEX "question_attachments_updated_at_idx" ON "question_attachments" USING btree ("updated_at");
  CREATE INDEX "question_attachments_created_at_idx" ON "question_attachments" USING btree ("created_at");
  CREATE UNIQUE INDEX "question_attachments_filename_idx" ON "question_attachments" USING btree ("filename");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_question_attachments_fk" FOREIGN KEY ("question_attachments_id") REFERENCES "public"."question_attachments"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_question_attachments_id_idx" ON "payload_locked_documents_rels" USING btree ("question_attachments_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "question_attachments" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "question_attachments" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_question_attachments_fk";
  
  DROP INDEX "payload_locked_documents_rels_question_attachments_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "question_attachments_id";`)
}
