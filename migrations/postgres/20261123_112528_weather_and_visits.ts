import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_weather_widgets_mode" AS ENUM('open-meteo', 'manual');
  CREATE TYPE "public"."enum_weather_observations_forecast_condition" AS ENUM('clear', 'partly-cloudy', 'cloudy', 'fog', 'drizzle', 'rain', 'showers', 'thunderstorm', 'snow');
  CREATE TYPE "public"."enum_weather_observations_condition" AS ENUM('clear', 'partly-cloudy', 'cloudy', 'fog', 'drizzle', 'rain', 'showers', 'thunderstorm', 'snow');
  CREATE TYPE "public"."enum_weather_observations_source" AS ENUM('manual', 'open-meteo');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'refreshWeather' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'refreshWeather' BEFORE 'schedulePublish';
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
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "weather_widgets_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "weather_observations_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "visit_counters_id" integer;
  ALTER TABLE "weather_widgets_locations" ADD CONSTRAINT "weather_widgets_locations_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."weather_widgets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "weather_widgets" ADD CONSTRAINT "weather_widgets_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "weather_observations_forecast" ADD CONSTRAINT "weather_observations_forecast_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."weather_observations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "weather_observations" ADD CONSTRAINT "weather_observations_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "weather_observations" ADD CONSTRAINT "weather_observations_widget_id_weather_widgets_id_fk" FOREIGN KEY ("widget_id") REFERENCES "public"."weather_widgets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "visit_counters" ADD CONSTRAINT "visit_counters_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "visit_counters" ADD CONSTRAINT "visit_counters_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
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
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_weather_widgets_fk" FOREIGN KEY ("weather_widgets_id") REFERENCES "public"."weather_widgets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_weather_observations_fk" FOREIGN KEY ("weather_observations_id") REFERENCES "public"."weather_observations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_visit_counters_fk" FOREIGN KEY ("visit_counters_id") REFERENCES "public"."visit_counters"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_weather_widgets_id_idx" ON "payload_locked_documents_rels" USING btree ("weather_widgets_id");
  CREATE INDEX "payload_locked_documents_rels_weather_observations_id_idx" ON "payload_locked_documents_rels" USING btree ("weather_observations_id");
  CREATE INDEX "payload_locked_documents_rels_visit_counters_id_idx" ON "payload_locked_documents_rels" USING btree ("visit_counters_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "weather_widgets_locations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "weather_widgets" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "weather_observations_forecast" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "weather_observations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "visit_counters" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "weather_widgets_locations" CASCADE;
  DROP TABLE "weather_widgets" CASCADE;
  DROP TABLE "weather_observations_forecast" CASCADE;
  DROP TABLE "weather_observations" CASCADE;
  DROP TABLE "visit_counters" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
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
  DROP INDEX "payload_locked_documents_rels_weather_widgets_id_idx";
  DROP INDEX "payload_locked_documents_rels_weather_observations_id_idx";
  DROP INDEX "payload_locked_documents_rels_visit_counters_id_idx";
  ALTER TABLE "sites" DROP COLUMN "visits_offset";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "weather_widgets_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "weather_observations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "visit_counters_id";
  DROP TYPE "public"."enum_weather_widgets_mode";
  DROP TYPE "public"."enum_weather_observations_forecast_condition";
  DROP TYPE "public"."enum_weather_observations_condition";
  DROP TYPE "public"."enum_weather_observations_source";`)
}
