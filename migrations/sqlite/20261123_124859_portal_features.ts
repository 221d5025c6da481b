import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`polls_options\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`polls\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`polls_options_order_idx\` ON \`polls_options\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`polls_options_parent_id_idx\` ON \`polls_options\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`polls_placements\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`polls\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`polls_placements_order_idx\` ON \`polls_placements\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`polls_placements_parent_idx\` ON \`polls_placements\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`polls\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer,
  	\`question\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`multiple\` integer DEFAULT false,
  	\`opens_at\` text,
  	\`closes_at\` text,
  	\`status\` text DEFAULT 'draft' NOT NULL,
  	\`show_results\` text DEFAULT 'afterVoting' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`polls_site_idx\` ON \`polls\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`polls_slug_idx\` ON \`polls\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`polls_status_idx\` ON \`polls\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`polls_updated_at_idx\` ON \`polls\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`polls_created_at_idx\` ON \`polls\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`poll_votes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer,
  	\`poll_id\` integer NOT NULL,
  	\`choices\` text NOT NULL,
  	\`voter_key\` text NOT NULL,
  	\`ip_hash\` text NOT NULL,
  	\`ua_hash\` text NOT NULL,
  	\`status\` text DEFAULT 'valid' NOT NULL,
  	\`flag_reason\` text,
  	\`moderated_by_id\` integer,
  	\`moderated_at\` text,
  	\`moderation_reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`poll_id\`) REFERENCES \`polls\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`moderated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`poll_votes_site_idx\` ON \`poll_votes\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`poll_votes_poll_idx\` ON \`poll_votes\` (\`poll_id\`);`)
  await db.run(sql`CREATE INDEX \`poll_votes_ip_hash_idx\` ON \`poll_votes\` (\`ip_hash\`);`)
  await db.run(sql`CREATE INDEX \`poll_votes_ua_hash_idx\` ON \`poll_votes\` (\`ua_hash\`);`)
  await db.run(sql`CREATE INDEX \`poll_votes_moderated_by_idx\` ON \`poll_votes\` (\`moderated_by_id\`);`)
  await db.run(sql`CREATE INDEX \`poll_votes_updated_at_idx\` ON \`poll_votes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`poll_votes_created_at_idx\` ON \`poll_votes\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`poll_voterKey_idx\` ON \`poll_votes\` (\`poll_id\`,\`voter_key\`);`)
  await db.run(sql`CREATE INDEX \`poll_status_idx\` ON \`poll_votes\` (\`poll_id\`,\`status\`);`)
  await db.run(sql`CREATE INDEX \`poll_ipHash_idx\` ON \`poll_votes\` (\`poll_id\`,\`ip_hash\`);`)
  await db.run(sql`CREATE TABLE \`poll_audits\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer,
  	\`poll_id\` integer NOT NULL,
  	\`action\` text NOT NULL,
  	\`count\` numeric NOT NULL,
  	\`reason\` text NOT NULL,
  	\`user_id\` integer NOT NULL,
  	\`votes\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`poll_id\`) REFERENCES \`polls\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`poll_audits_site_idx\` ON \`poll_audits\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`poll_audits_poll_idx\` ON \`poll_audits\` (\`poll_id\`);`)
  await db.run(sql`CREATE INDEX \`poll_audits_user_idx\` ON \`poll_audits\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`poll_audits_updated_at_idx\` ON \`poll_audits\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`poll_audits_created_at_idx\` ON \`poll_audits\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`poll_challenges\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`poll_id\` integer NOT NULL,
  	\`expires_at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`poll_id\`) REFERENCES \`polls\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`poll_challenges_key_idx\` ON \`poll_challenges\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`poll_challenges_poll_idx\` ON \`poll_challenges\` (\`poll_id\`);`)
  await db.run(sql`CREATE INDEX \`poll_challenges_expires_at_idx\` ON \`poll_challenges\` (\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`poll_challenges_updated_at_idx\` ON \`poll_challenges\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`poll_challenges_created_at_idx\` ON \`poll_challenges\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`weather_widgets_locations\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`latitude\` numeric NOT NULL,
  	\`longitude\` numeric NOT NULL,
  	\`is_default\` integer DEFAULT false,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`weather_widgets\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`weather_widgets_locations_order_idx\` ON \`weather_widgets_locations\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`weather_widgets_locations_parent_id_idx\` ON \`weather_widgets_locations\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`weather_widgets\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer,
  	\`title\` text DEFAULT 'Dự báo thời tiết' NOT NULL,
  	\`mode\` text DEFAULT 'open-meteo' NOT NULL,
  	\`refresh_minutes\` numeric DEFAULT 30 NOT NULL,
  	\`visible\` integer DEFAULT true,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`weather_widgets_site_idx\` ON \`weather_widgets\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`weather_widgets_updated_at_idx\` ON \`weather_widgets\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`weather_widgets_created_at_idx\` ON \`weather_widgets\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`weather_observations_forecast\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`min\` numeric NOT NULL,
  	\`max\` numeric NOT NULL,
  	\`condition\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`weather_observations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`weather_observations_forecast_order_idx\` ON \`weather_observations_forecast\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`weather_observations_forecast_parent_id_idx\` ON \`weather_observations_forecast\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`weather_observations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer,
  	\`widget_id\` integer NOT NULL,
  	\`location_name\` text NOT NULL,
  	\`temperature\` numeric NOT NULL,
  	\`humidity\` numeric NOT NULL,
  	\`wind_speed\` numeric NOT NULL,
  	\`condition\` text DEFAULT 'cloudy' NOT NULL,
  	\`observed_at\` text NOT NULL,
  	\`source\` text DEFAULT 'manual' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`widget_id\`) REFERENCES \`weather_widgets\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`weather_observations_site_idx\` ON \`weather_observations\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`weather_observations_widget_idx\` ON \`weather_observations\` (\`widget_id\`);`)
  await db.run(sql`CREATE INDEX \`weather_observations_location_name_idx\` ON \`weather_observations\` (\`location_name\`);`)
  await db.run(sql`CREATE INDEX \`weather_observations_observed_at_idx\` ON \`weather_observations\` (\`observed_at\`);`)
  await db.run(sql`CREATE INDEX \`weather_observations_updated_at_idx\` ON \`weather_observations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`weather_observations_created_at_idx\` ON \`weather_observations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`visit_counters\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer,
  	\`key\` text NOT NULL,
  	\`day\` text NOT NULL,
  	\`article_id\` integer,
  	\`count\` numeric DEFAULT 0 NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`visit_counters_site_idx\` ON \`visit_counters\` (\`site_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`visit_counters_key_idx\` ON \`visit_counters\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`visit_counters_day_idx\` ON \`visit_counters\` (\`day\`);`)
  await db.run(sql`CREATE INDEX \`visit_counters_article_idx\` ON \`visit_counters\` (\`article_id\`);`)
  await db.run(sql`CREATE INDEX \`visit_counters_updated_at_idx\` ON \`visit_counters\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`visit_counters_created_at_idx\` ON \`visit_counters\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`sites\` ADD \`visits_offset\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`legacy_source\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`legacy_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`legacy_hash\` text;`)
  await db.run(sql`CREATE INDEX \`articles_legacy_source_idx\` ON \`articles\` (\`legacy_source\`);`)
  await db.run(sql`CREATE INDEX \`articles_legacy_fingerprint_idx\` ON \`articles\` (\`legacy_fingerprint\`);`)
  await db.run(sql`CREATE INDEX \`site_slug_idx\` ON \`articles\` (\`site_id\`,\`slug\`);`)
  await db.run(sql`CREATE INDEX \`site__status_publishedAt_idx\` ON \`articles\` (\`site_id\`,\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`site_legacyFingerprint_idx\` ON \`articles\` (\`site_id\`,\`legacy_fingerprint\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_legacy_source\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_legacy_fingerprint\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_legacy_hash\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_legacy_source_idx\` ON \`_articles_v\` (\`version_legacy_source\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_legacy_fingerprint_idx\` ON \`_articles_v\` (\`version_legacy_fingerprint\`);`)
  await db.run(sql`CREATE INDEX \`version_site_version_slug_idx\` ON \`_articles_v\` (\`version_site_id\`,\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`version_site_version__status_version_publishedAt_idx\` ON \`_articles_v\` (\`version_site_id\`,\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version_site_version_legacyFingerprint_idx\` ON \`_articles_v\` (\`version_site_id\`,\`version_legacy_fingerprint\`);`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`legacy_fingerprint\` text;`)
  await db.run(sql`CREATE INDEX \`media_legacy_fingerprint_idx\` ON \`media\` (\`legacy_fingerprint\`);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`meta\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`polls_id\` integer REFERENCES polls(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`poll_votes_id\` integer REFERENCES poll_votes(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`poll_audits_id\` integer REFERENCES poll_audits(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`poll_challenges_id\` integer REFERENCES poll_challenges(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`weather_widgets_id\` integer REFERENCES weather_widgets(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`weather_observations_id\` integer REFERENCES weather_observations(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`visit_counters_id\` integer REFERENCES visit_counters(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_polls_id_idx\` ON \`payload_locked_documents_rels\` (\`polls_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_poll_votes_id_idx\` ON \`payload_locked_documents_rels\` (\`poll_votes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_poll_audits_id_idx\` ON \`payload_locked_documents_rels\` (\`poll_audits_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_poll_challenges_id_idx\` ON \`payload_locked_documents_rels\` (\`poll_challenges_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_weather_widgets_id_idx\` ON \`payload_locked_documents_rels\` (\`weather_widgets_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_weather_observations_id_idx\` ON \`payload_locked_documents_rels\` (\`weather_observations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_visit_counters_id_idx\` ON \`payload_locked_documents_rels\` (\`visit_counters_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`polls_options\`;`)
  await db.run(sql`DROP TABLE \`polls_placements\`;`)
  await db.run(sql`DROP TABLE \`polls\`;`)
  await db.run(sql`DROP TABLE \`poll_votes\`;`)
  await db.run(sql`DROP TABLE \`poll_audits\`;`)
  await db.run(sql`DROP TABLE \`poll_challenges\`;`)
  await db.run(sql`DROP TABLE \`weather_widgets_locations\`;`)
  await db.run(sql`DROP TABLE \`weather_widgets\`;`)
  await db.run(sql`DROP TABLE \`weather_observations_forecast\`;`)
  await db.run(sql`DROP TABLE \`weather_observations\`;`)
  await db.run(sql`DROP TABLE \`visit_counters\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`sites_id\` integer,
  	\`users_id\` integer,
  	\`articles_id\` integer,
  	\`categories_id\` integer,
  	\`tags_id\` integer,
  	\`authors_id\` integer,
  	\`captions_id\` integer,
  	\`media_id\` integer,
  	\`notices_id\` integer,
  	\`banners_id\` integer,
  	\`videos_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sites_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tags_id\`) REFERENCES \`tags\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`authors_id\`) REFERENCES \`authors\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`captions_id\`) REFERENCES \`captions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`notices_id\`) REFERENCES \`notices\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`banners_id\`) REFERENCES \`banners\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "sites_id", "users_id", "articles_id", "categories_id", "tags_id", "authors_id", "captions_id", "media_id", "notices_id", "banners_id", "videos_id") SELECT "id", "order", "parent_id", "path", "sites_id", "users_id", "articles_id", "categories_id", "tags_id", "authors_id", "captions_id", "media_id", "notices_id", "banners_id", "videos_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sites_id_idx\` ON \`payload_locked_documents_rels\` (\`sites_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_tags_id_idx\` ON \`payload_locked_documents_rels\` (\`tags_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_authors_id_idx\` ON \`payload_locked_documents_rels\` (\`authors_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_captions_id_idx\` ON \`payload_locked_documents_rels\` (\`captions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notices_id_idx\` ON \`payload_locked_documents_rels\` (\`notices_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_banners_id_idx\` ON \`payload_locked_documents_rels\` (\`banners_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_videos_id_idx\` ON \`payload_locked_documents_rels\` (\`videos_id\`);`)
  await db.run(sql`DROP INDEX \`articles_legacy_source_idx\`;`)
  await db.run(sql`DROP INDEX \`articles_legacy_fingerprint_idx\`;`)
  await db.run(sql`DROP INDEX \`site_slug_idx\`;`)
  await db.run(sql`DROP INDEX \`site__status_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`site_legacyFingerprint_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`legacy_source\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`legacy_fingerprint\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`legacy_hash\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_legacy_source_idx\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_legacy_fingerprint_idx\`;`)
  await db.run(sql`DROP INDEX \`version_site_version_slug_idx\`;`)
  await db.run(sql`DROP INDEX \`version_site_version__status_version_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version_site_version_legacyFingerprint_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_legacy_source\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_legacy_fingerprint\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_legacy_hash\`;`)
  await db.run(sql`DROP INDEX \`media_legacy_fingerprint_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`legacy_fingerprint\`;`)
  await db.run(sql`ALTER TABLE \`sites\` DROP COLUMN \`visits_offset\`;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`meta\`;`)
}
