import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_polls_placements" AS ENUM('home', 'article', 'page');
  CREATE TYPE "public"."enum_polls_status" AS ENUM('draft', 'open', 'closed', 'archived');
  CREATE TYPE "public"."enum_polls_show_results" AS ENUM('always', 'afterVoting', 'afterClosing');
  CREATE TYPE "public"."enum_poll_votes_status" AS ENUM('valid', 'flagged', 'void');
  CREATE TYPE "public"."enum_poll_audits_action" AS ENUM('void', 'restore');
  CREATE TYPE "public"."enum_weather_widgets_mode" AS ENUM('open-meteo', 'manual');
  CREATE TYPE "public"."enum_weather_observations_forecast_condition" AS ENUM('clear', 'partly-cloudy', 'cloudy', 'fog', 'drizzle', 'rain', 'showers', 'thunderstorm', 'snow');
  CREATE TYPE "public"."enum_weather_observations_condition" AS ENUM('clear', 'partly-cloudy', 'cloudy', 'fog', 'drizzle', 'rain', 'showers', 'thunderstorm', 'snow');
  CREATE TYPE "public"."enum_weather_observations_source" AS ENUM('manual', 'open-meteo');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'refreshWeather' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'refreshWeather' BEFORE 'schedulePublish';
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
  
  CREATE TABLE "weather_widgets_locations" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"latitude" numeric NOT NULL,
  	"longitude" numeric NOT NULL,
  	"is_default" boolean DEFAULT false
  );
  
  CREATE TABLE "weather_widgets" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer,
  	"title" varchar DEFAULT 'Dự báo thời tiết' NOT NULL,
  	"mode" "enum_weather_widgets_mode" DEFAULT 'open-meteo' NOT NULL,
  	"refresh_minutes" numeric DEFAULT 30 NOT NULL,
  	"visible" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "weather_observations_forecast" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"min" numeric NOT NULL,
  	"max" numeric NOT NULL,
  	"condition" "enum_weather_observations_forecast_condition" NOT NULL
  );
  
  CREATE TABLE "weather_observations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer,
  	"widget_id" integer NOT NULL,
  	"location_name" varchar NOT NULL,
  	"temperature" numeric NOT NULL,
  	"humidity" numeric NOT NULL,
  	"wind_speed" numeric NOT NULL,
  	"condition" "enum_weather_observations_condition" DEFAULT 'cloudy' NOT NULL,
  	"observed_at" timestamp(3) with time zone NOT NULL,
  	"source" "enum_weather_observations_source" DEFAULT 'manual' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "visit_counters" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"site_id" integer,
  	"key" varchar NOT NULL,
  	"day" varchar NOT NULL,
  	"article_id" integer,
  	"count" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "sites" ADD COLUMN "visits_offset" numeric DEFAULT 0;
  ALTER TABLE "articles" ADD COLUMN "legacy_source" varchar;
  ALTER TABLE "articles" ADD COLUMN "legacy_fingerprint" varchar;
  ALTER TABLE "articles" ADD COLUMN "legacy_hash" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_legacy_source" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_legacy_fingerprint" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_legacy_hash" varchar;
  ALTER TABLE "media" ADD COLUMN "legacy_fingerprint" varchar;
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "polls_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "poll_votes_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "poll_audits_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "poll_challenges_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "weather_widgets_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "weather_observations_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "visit_counters_id" integer;
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
  ALTER TABLE "weather_widgets_locations" ADD CONSTRAINT "weather_widgets_locations_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."weather_widgets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "weather_widgets" ADD CONSTRAINT "weather_widgets_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "weather_observations_forecast" ADD CONSTRAINT "weather_observations_forecast_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."weather_observations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "weather_observations" ADD CONSTRAINT "weather_observations_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "weather_observations" ADD CONSTRAINT "weather_observations_widget_id_weather_widgets_id_fk" FOREIGN KEY ("widget_id") REFERENCES "public"."weather_widgets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "visit_counters" ADD CONSTRAINT "visit_counters_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "visit_counters" ADD CONSTRAINT "visit_counters_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
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
  CREATE INDEX "weather_widgets_locations_order_idx" ON "weather_widgets_locations" USING btree ("_order");
  CREATE INDEX "weather_widgets_locations_parent_id_idx" ON "weather_widgets_locations" USING btree ("_parent_id");
  CREATE INDEX "weather_widgets_site_idx" ON "weather_widgets" USING btree ("site_id");
  CREATE INDEX "weather_widgets_updated_at_idx" ON "weather_widgets" USING btree ("updated_at");
  CREATE INDEX "weather_widgets_created_at_idx" ON "weather_widgets" USING btree ("created_at");
  CREATE INDEX "weather_observations_forecast_order_idx" ON "weather_observations_forecast" USING btree ("_order");
  CREATE INDEX "weather_observations_forecast_parent_id_idx" ON "weather_observations_forecast" USING btree ("_parent_id");
  CREATE INDEX "weather_observations_site_idx" ON "weather_observations" USING btree ("site_id");
  CREATE INDEX "weather_observations_widget_idx" ON "weather_observations" USING btree ("widget_id");
  CREATE INDEX "weather_observations_location_name_idx" ON "weather_observations" USING btree ("location_name");
  CREATE INDEX "weather_observations_observed_at_idx" ON "weather_observations" USING btree ("observed_at");
  CREATE INDEX "weather_observations_updated_at_idx" ON "weather_observations" USING btree ("updated_at");
  CREATE INDEX "weather_observations_created_at_idx" ON "weather_observations" USING btree ("created_at");
  CREATE INDEX "visit_counters_site_idx" ON "visit_counters" USING btree ("site_id");
  CREATE UNIQUE INDEX "visit_counters_key_idx" ON "visit_counters" USING btree ("key");
  CREATE INDEX "visit_counters_day_idx" ON "visit_counters" USING btree ("day");
  CREATE INDEX "visit_counters_article_idx" ON "visit_counters" USING btree ("article_id");
  CREATE INDEX "visit_counters_updated_at_idx" ON "visit_counters" USING btree ("updated_at");
  CREATE INDEX "visit_counters_created_at_idx" ON "visit_counters" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_polls_fk" FOREIGN KEY ("polls_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_poll_votes_fk" FOREIGN KEY ("poll_votes_id") REFERENCES "public"."poll_votes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_poll_audits_fk" FOREIGN KEY ("poll_audits_id") REFERENCES "public"."poll_audits"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_poll_challenges_fk" FOREIGN KEY ("poll_challenges_id") REFERENCES "public"."poll_challenges"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_weather_widgets_fk" FOREIGN KEY ("weather_widgets_id") REFERENCES "public"."weather_widgets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_weather_observations_fk" FOREIGN KEY ("weather_observations_id") REFERENCES "public"."weather_observations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_visit_counters_fk" FOREIGN KEY ("visit_counters_id") REFERENCES "public"."visit_counters"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "articles_legacy_source_idx" ON "articles" USING btree ("legacy_source");
  CREATE INDEX "articles_legacy_fingerprint_idx" ON "articles" USING btree ("legacy_fingerprint");
  CREATE INDEX "site_slug_idx" ON "articles" USING btree ("site_id","slug");
  CREATE INDEX "site__status_publishedAt_idx" ON "articles" USING btree ("site_id","_status","published_at");
  CREATE UNIQUE INDEX "site_legacyFingerprint_idx" ON "articles" USING btree ("site_id","legacy_fingerprint");
  CREATE INDEX "_articles_v_version_version_legacy_source_idx" ON "_articles_v" USING btree ("version_legacy_source");
  CREATE INDEX "_articles_v_version_version_legacy_fingerprint_idx" ON "_articles_v" USING btree ("version_legacy_fingerprint");
  CREATE INDEX "version_site_version_slug_idx" ON "_articles_v" USING btree ("version_site_id","version_slug");
  CREATE INDEX "version_site_version__status_version_publishedAt_idx" ON "_articles_v" USING btree ("version_site_id","version__status","version_published_at");
  CREATE INDEX "version_site_version_legacyFingerprint_idx" ON "_articles_v" USING btree ("version_site_id","version_legacy_fingerprint");
  CREATE INDEX "media_legacy_fingerprint_idx" ON "media" USING btree ("legacy_fingerprint");
  CREATE INDEX "payload_locked_documents_rels_polls_id_idx" ON "payload_locked_documents_rels" USING btree ("polls_id");
  CREATE INDEX "payload_locked_documents_rels_poll_votes_id_idx" ON "payload_locked_documents_rels" USING btree ("poll_votes_id");
  CREATE INDEX "payload_locked_documents_rels_poll_audits_id_idx" ON "payload_locked_documents_rels" USING btree ("poll_audits_id");
  CREATE INDEX "payload_locked_documents_rels_poll_challenges_id_idx" ON "payload_locked_documents_rels" USING btree ("poll_challenges_id");
  CREATE INDEX "payload_locked_documents_rels_weather_widgets_id_idx" ON "payload_locked_documents_rels" USING btree ("weather_widgets_id");
  CREATE INDEX "payload_locked_documents_rels_weather_observations_id_idx" ON "payload_locked_documents_rels" USING btree ("weather_observations_id");
  CREATE INDEX "payload_locked_documents_rels_visit_counters_id_idx" ON "payload_locked_documents_rels" USING btree ("visit_counters_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "polls_options" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "polls_placements" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "polls" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "poll_votes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "poll_audits" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "poll_challenges" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "weather_widgets_locations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "weather_widgets" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "weather_observations_forecast" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "weather_observations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "visit_counters" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "polls_options" CASCADE;
  DROP TABLE "polls_placements" CASCADE;
  DROP TABLE "polls" CASCADE;
  DROP TABLE "poll_votes" CASCADE;
  DROP TABLE "poll_audits" CASCADE;
  DROP TABLE "poll_challenges" CASCADE;
  DROP TABLE "weather_widgets_locations" CASCADE;
  DROP TABLE "weather_widgets" CASCADE;
  DROP TABLE "weather_observations_forecast" CASCADE;
  DROP TABLE "weather_observations" CASCADE;
  DROP TABLE "visit_counters" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_polls_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_poll_votes_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_poll_audits_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_poll_challenges_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_weather_widgets_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_weather_observations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_visit_counters_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "articles_legacy_source_idx";
  DROP INDEX "articles_legacy_fingerprint_idx";
  DROP INDEX "site_slug_idx";
  DROP INDEX "site__status_publishedAt_idx";
  DROP INDEX "site_legacyFingerprint_idx";
  DROP INDEX "_articles_v_version_version_legacy_source_idx";
  DROP INDEX "_articles_v_version_version_legacy_fingerprint_idx";
  DROP INDEX "version_site_version_slug_idx";
  DROP INDEX "version_site_version__status_version_publishedAt_idx";
  DROP INDEX "version_site_version_legacyFingerprint_idx";
  DROP INDEX "media_legacy_fingerprint_idx";
  DROP INDEX "payload_locked_documents_rels_polls_id_idx";
  DROP INDEX "payload_locked_documents_rels_poll_votes_id_idx";
  DROP INDEX "payload_locked_documents_rels_poll_audits_id_idx";
  DROP INDEX "payload_locked_documents_rels_poll_challenges_id_idx";
  DROP INDEX "payload_locked_documents_rels_weather_widgets_id_idx";
  DROP INDEX "payload_locked_documents_rels_weather_observations_id_idx";
  DROP INDEX "payload_locked_documents_rels_visit_counters_id_idx";
  ALTER TABLE "sites" DROP COLUMN "visits_offset";
  ALTER TABLE "articles" DROP COLUMN "legacy_source";
  ALTER TABLE "articles" DROP COLUMN "legacy_fingerprint";
  ALTER TABLE "articles" DROP COLUMN "legacy_hash";
  ALTER TABLE "_articles_v" DROP COLUMN "version_legacy_source";
  ALTER TABLE "_articles_v" DROP COLUMN "version_legacy_fingerprint";
  ALTER TABLE "_articles_v" DROP COLUMN "version_legacy_hash";
  ALTER TABLE "media" DROP COLUMN "legacy_fingerprint";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "polls_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "poll_votes_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "poll_audits_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "poll_challenges_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "weather_widgets_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "weather_observations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "visit_counters_id";
  DROP TYPE "public"."enum_polls_placements";
  DROP TYPE "public"."enum_polls_status";
  DROP TYPE "public"."enum_polls_show_results";
  DROP TYPE "public"."enum_poll_votes_status";
  DROP TYPE "public"."enum_poll_audits_action";
  DROP TYPE "public"."enum_weather_widgets_mode";
  DROP TYPE "public"."enum_weather_observations_forecast_condition";
  DROP TYPE "public"."enum_weather_observations_condition";
  DROP TYPE "public"."enum_weather_observations_source";`)
}
