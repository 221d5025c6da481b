import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_polls_placements" AS ENUM('home', 'article', 'page');
  CREATE TYPE "public"."enum_polls_status" AS ENUM('draft', 'open', 'closed', 'archived');
  CREATE TYPE "public"."enum_polls_show_results" AS ENUM('always', 'afterVoting', 'afterClosing');
  CREATE TYPE "public"."enum_poll_votes_status" AS ENUM('valid', 'flagged', 'void');
  CREATE TYPE "public"."enum_poll_audits_action" AS ENUM('void', 'restore');
  CREATE TABLE "polls_options" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL
  );
  
  CREATE TABLE "polls_placements" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_polls_placements",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "polls" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer,
  	"question" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"multiple" boolean DEFAULT false,
  	"opens_at" timestamp(3) with time zone,
  	"closes_at" timestamp(3) with time zone,
  	"status" "enum_polls_status" DEFAULT 'draft' NOT NULL,
  	"show_results" "enum_polls_show_results" DEFAULT 'afterVoting' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "poll_votes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer,
  	"poll_id" integer NOT NULL,
  	"choices" varchar NOT NULL,
  	"voter_key" varchar NOT NULL,
  	"ip_hash" varchar NOT NULL,
  	"ua_hash" varchar NOT NULL,
  	"status" "enum_poll_votes_status" DEFAULT 'valid' NOT NULL,
  	"flag_reason" varchar,
  	"moderated_by_id" integer,
  	"moderated_at" timestamp(3) with time zone,
  	"moderation_reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "poll_audits" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer,
  	"poll_id" integer NOT NULL,
  	"action" "enum_poll_audits_action" NOT NULL,
  	"count" numeric NOT NULL,
  	"reason" varchar NOT NULL,
  	"user_id" integer NOT NULL,
  	"votes" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "poll_challenges" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"poll_id" integer NOT NULL,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "polls_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "poll_votes_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "poll_audits_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "poll_challenges_id" integer;
  ALTER TABLE "polls_options" ADD CONSTRAINT "polls_options_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "polls_placements" ADD CONSTRAINT "polls_placements_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "polls" ADD CONSTRAINT "polls_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_moderated_by_id_users_id_fk" FOREIGN KEY ("moderated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "poll_audits" ADD CONSTRAINT "poll_audits_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "poll_audits" ADD CONSTRAINT "poll_audits_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "poll_audits" ADD CONSTRAINT "poll_audits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "poll_challenges" ADD CONSTRAINT "poll_challenges_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "polls_options_order_idx" ON "polls_options" USING btree ("_order");
  CREATE INDEX "polls_options_parent_id_idx" ON "polls_options" USING btree ("_parent_id");
  CREATE INDEX "polls_placements_order_idx" ON "polls_placements" USING btree ("order");
  CREATE INDEX "polls_placements_parent_idx" ON "polls_placements" USING btree ("parent_id");
  CREATE INDEX "polls_site_idx" ON "polls" USING btree ("site_id");
  CREATE INDEX "polls_slug_idx" ON "polls" USING btree ("slug");
  CREATE INDEX "polls_status_idx" ON "polls" USING btree ("status");
  CREATE INDEX "polls_updated_at_idx" ON "polls" USING btree ("updated_at");
  CREATE INDEX "polls_created_at_idx" ON "polls" USING btree ("created_at");
  CREATE INDEX "poll_votes_site_idx" ON "poll_votes" USING btree ("site_id");
  CREATE INDEX "poll_votes_poll_idx" ON "poll_votes" USING btree ("poll_id");
  CREATE INDEX "poll_votes_ip_hash_idx" ON "poll_votes" USING btree ("ip_hash");
  CREATE INDEX "poll_votes_ua_hash_idx" ON "poll_votes" USING btree ("ua_hash");
  CREATE INDEX "poll_votes_moderated_by_idx" ON "poll_votes" USING btree ("moderated_by_id");
  CREATE INDEX "poll_votes_updated_at_idx" ON "poll_votes" USING btree ("updated_at");
  CREATE INDEX "poll_votes_created_at_idx" ON "poll_votes" USING btree ("created_at");
  CREATE UNIQUE INDEX "poll_voterKey_idx" ON "poll_votes" USING btree ("poll_id","voter_key");
  CREATE INDEX "poll_status_idx" ON "poll_votes" USING btree ("poll_id","status");
  CREATE INDEX "poll_ipHash_idx" ON "poll_votes" USING btree ("poll_id","ip_hash");
  CREATE INDEX "poll_audits_site_idx" ON "poll_audits" USING btree ("site_id");
  CREATE INDEX "poll_audits_poll_idx" ON "poll_audits" USING btree ("poll_id");
  CREATE INDEX "poll_audits_user_idx" ON "poll_audits" USING btree ("user_id");
  CREATE INDEX "poll_audits_updated_at_idx" ON "poll_audits" USING btree ("updated_at");
  CREATE INDEX "poll_audits_created_at_idx" ON "poll_audits" USING btree ("created_at");
  CREATE UNIQUE INDEX "poll_challenges_key_idx" ON "poll_challenges" USING btree ("key");
  CREATE INDEX "poll_challenges_poll_idx" ON "poll_challenges" USING btree ("poll_id");
  CREATE INDEX "poll_challenges_expires_at_idx" ON "poll_challenges" USING btree ("expires_at");
  CREATE INDEX "poll_challenges_updated_at_idx" ON "poll_challenges" USING btree ("updated_at");
  CREATE INDEX "poll_challenges_created_at_idx" ON "poll_challenges" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_polls_fk" FOREIGN KEY ("polls_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_poll_votes_fk" FOREIGN KEY ("poll_votes_id") REFERENCES "public"."poll_votes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_poll_audits_fk" FOREIGN KEY ("poll_audits_id") REFERENCES "public"."poll_audits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_poll_challenges_fk" FOREIGN KEY ("poll_challenges_id") REFERENCES "public"."poll_challenges"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_polls_id_idx" ON "payload_locked_documents_rels" USING btree ("polls_id");
  CREATE INDEX "payload_locked_documents_rels_poll_votes_id_idx" ON "payload_locked_documents_rels" USING btree ("poll_votes_id");
  CREATE INDEX "payload_locked_documents_rels_poll_audits_id_idx" ON "payload_locked_documents_rels" USING btree ("poll_audits_id");
  CREATE INDEX "payload_locked_documents_rels_poll_challenges_id_idx" ON "payload_locked_documents_rels" USING btree ("poll_challenges_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "polls_options" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "polls_placements" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "polls" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "poll_votes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "poll_audits" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "poll_challenges" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "polls_options" CASCADE;
  DROP TABLE "polls_placements" CASCADE;
  DROP TABLE "polls" CASCADE;
  DROP TABLE "poll_votes" CASCADE;
  DROP TABLE "poll_audits" CASCADE;
  DROP TABLE "poll_challenges" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_polls_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_poll_votes_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_poll_audits_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_poll_challenges_fk";
  
  DROP INDEX "payload_locked_documents_rels_polls_id_idx";
  DROP INDEX "payload_locked_documents_rels_poll_votes_id_idx";
  DROP INDEX "payload_locked_documents_rels_poll_audits_id_idx";
  DROP INDEX "payload_locked_documents_rels_poll_challenges_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "polls_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "poll_votes_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "poll_audits_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "poll_challenges_id";
  DROP TYPE "public"."enum_polls_placements";
  DROP TYPE "public"."enum_polls_status";
  DROP TYPE "public"."enum_polls_show_results";
  DROP TYPE "public"."enum_poll_votes_status";
  DROP TYPE "public"."enum_poll_audits_action";`)
}
