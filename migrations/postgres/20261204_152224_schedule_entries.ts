import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_schedule_entries_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__schedule_entries_v_version_status" AS ENUM('draft', 'published');
  CREATE TABLE "schedule_entries_changes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone,
  	"summary" varchar
  );
  
  CREATE TABLE "schedule_entries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer,
  	"date" timestamp(3) with time zone,
  	"start_time" varchar,
  	"end_time" varchar,
  	"unit_id" integer,
  	"presider" varchar,
  	"content" varchar,
  	"place" varchar,
  	"attendees" varchar,
  	"notes" varchar,
  	"recurring" boolean DEFAULT false,
  	"published_snapshot" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_schedule_entries_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "schedule_entries_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"people_id" integer
  );
  
  CREATE TABLE "_schedule_entries_v_version_changes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone,
  	"summary" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_schedule_entries_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_site_id" integer,
  	"version_date" timestamp(3) with time zone,
  	"version_start_time" varchar,
  	"version_end_time" varchar,
  	"version_unit_id" integer,
  	"version_presider" varchar,
  	"version_content" varchar,
  	"version_place" varchar,
  	"version_attendees" varchar,
  	"version_notes" varchar,
  	"version_recurring" boolean DEFAULT false,
  	"version_published_snapshot" jsonb,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__schedule_entries_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_schedule_entries_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"people_id" integer
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "schedule_entries_id" integer;
  ALTER TABLE "schedule_entries_changes" ADD CONSTRAINT "schedule_entries_changes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."schedule_entries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "schedule_entries" ADD CONSTRAINT "schedule_entries_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "schedule_entries" ADD CONSTRAINT "schedule_entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "schedule_entries_rels" ADD CONSTRAINT "schedule_entries_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."schedule_entries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "schedule_entries_rels" ADD CONSTRAINT "schedule_entries_rels_people_fk" FOREIGN KEY ("people_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_schedule_entries_v_version_changes" ADD CONSTRAINT "_schedule_entries_v_version_changes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_schedule_entries_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_schedule_entries_v" ADD CONSTRAINT "_schedule_entries_v_parent_id_schedule_entries_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."schedule_entries"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_schedule_entries_v" ADD CONSTRAINT "_schedule_entries_v_version_site_id_sites_id_fk" FOREIGN KEY ("version_site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_schedule_entries_v" ADD CONSTRAINT "_schedule_entries_v_version_unit_id_units_id_fk" FOREIGN KEY ("version_unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_schedule_entries_v_rels" ADD CONSTRAINT "_schedule_entries_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_schedule_entries_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_schedule_entries_v_rels" ADD CONSTRAINT "_schedule_entries_v_rels_people_fk" FOREIGN KEY ("people_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "schedule_entries_changes_order_idx" ON "schedule_entries_changes" USING btree ("_order");
  CREATE INDEX "schedule_entries_changes_parent_id_idx" ON "schedule_entries_changes" USING btree ("_parent_id");
  CREATE INDEX "schedule_entries_site_idx" ON "schedule_entries" USING btree ("site_id");
  CREATE INDEX "schedule_entries_unit_idx" ON "schedule_entries" USING btree ("unit_id");
  CREATE INDEX "schedule_entries_updated_at_idx" ON "schedule_entries" USING btree ("updated_at");
  CREATE INDEX "schedule_entries_created_at_idx" ON "schedule_entries" USING btree ("created_at");
  CREATE INDEX "schedule_entries__status_idx" ON "schedule_entries" USING btree ("_status");
  CREATE INDEX "schedule_entries_rels_order_idx" ON "schedule_entries_rels" USING btree ("order");
  CREATE INDEX "schedule_entries_rels_parent_idx" ON "schedule_entries_rels" USING btree ("parent_id");
  CREATE INDEX "schedule_entries_rels_path_idx" ON "schedule_entries_rels" USING btree ("path");
  CREATE INDEX "schedule_entries_rels_people_id_idx" ON "schedule_entries_rels" USING btree ("people_id");
  CREATE INDEX "_schedule_entries_v_version_changes_order_idx" ON "_schedule_entries_v_version_changes" USING btree ("_order");
  CREATE INDEX "_schedule_entries_v_version_changes_parent_id_idx" ON "_schedule_entries_v_version_changes" USING btree ("_parent_id");
  CREATE INDEX "_schedule_entries_v_parent_idx" ON "_schedule_entries_v" USING btree ("parent_id");
  CREATE INDEX "_schedule_entries_v_version_version_site_idx" ON "_schedule_entries_v" USING btree ("version_site_id");
  CREATE INDEX "_schedule_entries_v_version_version_unit_idx" ON "_schedule_entries_v" USING btree ("version_unit_id");
  CREATE INDEX "_schedule_entries_v_version_version_updated_at_idx" ON "_schedule_entries_v" USING btree ("version_updated_at");
  CREATE INDEX "_schedule_entries_v_version_version_created_at_idx" ON "_schedule_entries_v" USING btree ("version_created_at");
  CREATE INDEX "_schedule_entries_v_version_version__status_idx" ON "_schedule_entries_v" USING btree ("version__status");
  CREATE INDEX "_schedule_entries_v_created_at_idx" ON "_schedule_entries_v" USING btree ("created_at");
  CREATE INDEX "_schedule_entries_v_updated_at_idx" ON "_schedule_entries_v" USING btree ("updated_at");
  CREATE INDEX "_schedule_entries_v_latest_idx" ON "_schedule_entries_v" USING btree ("latest");
  CREATE INDEX "_schedule_entries_v_rels_order_idx" ON "_schedule_entries_v_rels" USING btree ("order");
  CREATE INDEX "_schedule_entries_v_rels_parent_idx" ON "_schedule_entries_v_rels" USING btree ("parent_id");
  CREATE INDEX "_schedule_entries_v_rels_path_idx" ON "_schedule_entries_v_rels" USING btree ("path");
  CREATE INDEX "_schedule_entries_v_rels_people_id_idx" ON "_schedule_entries_v_rels" USING btree ("people_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_schedule_entries_fk" FOREIGN KEY ("schedule_entries_id") REFERENCES "public"."schedule_entries"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_schedule_entries_id_idx" ON "payload_locked_documents_rels" USING btree ("schedule_entries_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "schedule_entries_changes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "schedule_entries" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "schedule_entries_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_schedule_entries_v_version_changes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_schedule_entries_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_schedule_entries_v_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "schedule_entries_changes" CASCADE;
  DROP TABLE "schedule_entries" CASCADE;
  DROP TABLE "schedule_entries_rels" CASCADE;
  DROP TABLE "_schedule_entries_v_version_changes" CASCADE;
  DROP TABLE "_schedule_entries_v" CASCADE;
  DROP TABLE "_schedule_entries_v_rels" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_schedule_entries_fk";
  
  DROP INDEX "payload_locked_documents_rels_schedule_entries_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "schedule_entries_id";
  DROP TYPE "public"."enum_schedule_entries_status";
  DROP TYPE "public"."enum__schedule_entries_v_version_status";`)
}
