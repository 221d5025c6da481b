import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_consultations_review_state" AS ENUM('drafting', 'submitted', 'returned', 'approved');
  CREATE TYPE "public"."enum_consultations_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__consultations_v_version_review_state" AS ENUM('drafting', 'submitted', 'returned', 'approved');
  CREATE TYPE "public"."enum__consultations_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_consultation_comments_status" AS ENUM('new', 'approved', 'rejected');
  CREATE TABLE "consultations_points" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"text" varchar
  );
  
  CREATE TABLE "consultations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer,
  	"title" varchar,
  	"drafting_unit_id" integer,
  	"drafting_body" varchar,
  	"summary" varchar,
  	"opens_at" timestamp(3) with time zone,
  	"closes_at" timestamp(3) with time zone,
  	"report" jsonb,
  	"slug" varchar,
  	"review_state" "enum_consultations_review_state" DEFAULT 'drafting',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_consultations_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "consultations_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"document_files_id" integer
  );
  
  CREATE TABLE "_consultations_v_version_points" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"text" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_consultations_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_site_id" integer,
  	"version_title" varchar,
  	"version_drafting_unit_id" integer,
  	"version_drafting_body" varchar,
  	"version_summary" varchar,
  	"version_opens_at" timestamp(3) with time zone,
  	"version_closes_at" timestamp(3) with time zone,
  	"version_report" jsonb,
  	"version_slug" varchar,
  	"version_review_state" "enum__consultations_v_version_review_state" DEFAULT 'drafting',
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__consultations_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_consultations_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"document_files_id" integer
  );
  
  CREATE TABLE "consultation_comments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer,
  	"consultation_id" integer NOT NULL,
  	"point" varchar,
  	"point_title" varchar,
  	"status" "enum_consultation_comments_status" DEFAULT 'new' NOT NULL,
  	"received_at" timestamp(3) with time zone NOT NULL,
  	"name" varchar NOT NULL,
  	"organisation" varchar,
  	"comment" varchar NOT NULL,
  	"email" varchar,
  	"phone" varchar,
  	"ip_hash" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "consultations_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "consultation_comments_id" integer;
  ALTER TABLE "consultations_points" ADD CONSTRAINT "consultations_points_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "consultations" ADD CONSTRAINT "consultations_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "consultations" ADD CONSTRAINT "consultations_drafting_unit_id_units_id_fk" FOREIGN KEY ("drafting_unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "consultations_rels" ADD CONSTRAINT "consultations_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "consultations_rels" ADD CONSTRAINT "consultations_rels_document_files_fk" FOREIGN KEY ("document_files_id") REFERENCES "public"."document_files"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_consultations_v_version_points" ADD CONSTRAINT "_consultations_v_version_points_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_consultations_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_consultations_v" ADD CONSTRAINT "_consultations_v_parent_id_consultations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."consultations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_consultations_v" ADD CONSTRAINT "_consultations_v_version_site_id_sites_id_fk" FOREIGN KEY ("version_site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_consultations_v" ADD CONSTRAINT "_consultations_v_version_drafting_unit_id_units_id_fk" FOREIGN KEY ("version_drafting_unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_consultations_v_rels" ADD CONSTRAINT "_consultations_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_consultations_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_consultations_v_rels" ADD CONSTRAINT "_consultations_v_rels_document_files_fk" FOREIGN KEY ("document_files_id") REFERENCES "public"."document_files"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "consultation_comments" ADD CONSTRAINT "consultation_comments_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "consultation_comments" ADD CONSTRAINT "consultation_comments_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "consultations_points_order_idx" ON "consultations_points" USING btree ("_order");
  CREATE INDEX "consultations_points_parent_id_idx" ON "consultations_points" USING btree ("_parent_id");
  CREATE INDEX "consultations_site_idx" ON "consultations" USING btree ("site_id");
  CREATE INDEX "consultations_drafting_unit_idx" ON "consultations" USING btree ("drafting_unit_id");
  CREATE INDEX "consultations_opens_at_idx" ON "consultations" USING btree ("opens_at");
  CREATE INDEX "consultations_closes_at_idx" ON "consultations" USING btree ("closes_at");
  CREATE INDEX "consultations_slug_idx" ON "consultations" USING btree ("slug");
  CREATE INDEX "consultations_review_state_idx" ON "consultations" USING btree ("review_state");
  CREATE INDEX "consultations_updated_at_idx" ON "consultations" USING btree ("updated_at");
  CREATE INDEX "consultations_created_at_idx" ON "consultations" USING btree ("created_at");
  CREATE INDEX "consultations__status_idx" ON "consultations" USING btree ("_status");
  CREATE INDEX "site_slug_2_idx" ON "consultations" USING btree ("site_id","slug");
  CREATE INDEX "consultations_rels_order_idx" ON "consultations_rels" USING btree ("order");
  CREATE INDEX "consultations_rels_parent_idx" ON "consultations_rels" USING btree ("parent_id");
  CREATE INDEX "consultations_rels_path_idx" ON "consultations_rels" USING btree ("path");
  CREATE INDEX "consultations_rels_document_files_id_idx" ON "consultations_rels" USING btree ("document_files_id");
  CREATE INDEX "_consultations_v_version_points_order_idx" ON "_consultations_v_version_points" USING btree ("_order");
  CREATE INDEX "_consultations_v_version_points_parent_id_idx" ON "_consultations_v_version_points" USING btree ("_parent_id");
  CREATE INDEX "_consultations_v_parent_idx" ON "_consultations_v" USING btree ("parent_id");
  CREATE INDEX "_consultations_v_version_version_site_idx" ON "_consultations_v" USING btree ("version_site_id");
  CREATE INDEX "_consultations_v_version_version_drafting_unit_idx" ON "_consultations_v" USING btree ("version_drafting_unit_id");
  CREATE INDEX "_consultations_v_version_version_opens_at_idx" ON "_consultations_v" USING btree ("version_opens_at");
  CREATE INDEX "_consultations_v_version_version_closes_at_idx" ON "_consultations_v" USING btree ("version_closes_at");
  CREATE INDEX "_consultations_v_version_version_slug_idx" ON "_consultations_v" USING btree ("version_slug");
  CREATE INDEX "_consultations_v_version_version_review_state_idx" ON "_consultations_v" USING btree ("version_review_state");
  CREATE INDEX "_consultations_v_version_version_updated_at_idx" ON "_consultations_v" USING btree ("version_updated_at");
  CREATE INDEX "_consultations_v_version_version_created_at_idx" ON "_consultations_v" USING btree ("version_created_at");
  CREATE INDEX "_consultations_v_version_version__status_idx" ON "_consultations_v" USING btree ("version__status");
  CREATE INDEX "_consultations_v_created_at_idx" ON "_consultations_v" USING btree ("created_at");
  CREATE INDEX "_consultations_v_updated_at_idx" ON "_consultations_v" USING btree ("updated_at");
  CREATE INDEX "_consultations_v_latest_idx" ON "_consultations_v" USING btree ("latest");
  CREATE INDEX "version_site_version_slug_2_idx" ON "_consultations_v" USING btree ("version_site_id","version_slug");
  CREATE INDEX "_consultations_v_rels_order_idx" ON "_consultations_v_rels" USING btree ("order");
  CREATE INDEX "_consultations_v_rels_parent_idx" ON "_consultations_v_rels" USING btree ("parent_id");
  CREATE INDEX "_consultations_v_rels_path_idx" ON "_consultations_v_rels" USING btree ("path");
  CREATE INDEX "_consultations_v_rels_document_files_id_idx" ON "_consultations_v_rels" USING btree ("document_files_id");
  CREATE INDEX "consultation_comments_site_idx" ON "consultation_comments" USING btree ("site_id");
  CREATE INDEX "consultation_comments_consultation_idx" ON "consultation_comments" USING btree ("consultation_id");
  CREATE INDEX "consultation_comments_status_idx" ON "consultation_comments" USING btree ("status");
  CREATE INDEX "consultation_comments_received_at_idx" ON "consultation_comments" USING btree ("received_at");
  CREATE INDEX "consultation_comments_updated_at_idx" ON "consultation_comments" USING btree ("updated_at");
  CREATE INDEX "consultation_comments_created_at_idx" ON "consultation_comments" USING btree ("created_at");
  CREATE INDEX "site_consultation_status_idx" ON "consultation_comments" USING btree ("site_id","consultation_id","status");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_consultations_fk" FOREIGN KEY ("consultations_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_consultation_comments_fk" FOREIGN KEY ("consultation_comments_id") REFERENCES "public"."consultation_comments"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_consultations_id_idx" ON "payload_locked_documents_rels" USING btree ("consultations_id");
  CREATE INDEX "payload_locked_documents_rels_consultation_comments_id_idx" ON "payload_locked_documents_rels" USING btree ("consultation_comments_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "consultations_points" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "consultations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "consultations_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_consultations_v_version_points" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_consultations_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_consultations_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "consultation_comments" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "consultations_points" CASCADE;
  DROP TABLE "consultations" CASCADE;
  DROP TABLE "consultations_rels" CASCADE;
  DROP TABLE "_consultations_v_version_points" CASCADE;
  DROP TABLE "_consultations_v" CASCADE;
  DROP TABLE "_consultations_v_rels" CASCADE;
  DROP TABLE "consultation_comments" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_consultations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_consultation_comments_fk";
  
  DROP INDEX "payload_locked_documents_rels_consultations_id_idx";
  DROP INDEX "payload_locked_documents_rels_consultation_comments_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "consultations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "consultation_comments_id";
  DROP TYPE "public"."enum_consultations_review_state";
  DROP TYPE "public"."enum_consultations_status";
  DROP TYPE "public"."enum__consultations_v_version_review_state";
  DROP TYPE "public"."enum__consultations_v_version_status";
  DROP TYPE "public"."enum_consultation_comments_status";`)
}
