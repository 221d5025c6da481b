import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  // Data, by hand: the INSERT … SELECT statements move the texts that became localized into the
  // *_locales tables as Vietnamese rows before their old columns are dropped.
  await db.execute(sql`
   CREATE TYPE "public"."_locales" AS ENUM('vi', 'en');
  CREATE TYPE "public"."enum__articles_v_published_locale" AS ENUM('vi', 'en');
  CREATE TYPE "public"."enum__units_v_published_locale" AS ENUM('vi', 'en');
  CREATE TYPE "public"."enum__people_v_published_locale" AS ENUM('vi', 'en');
  CREATE TYPE "public"."enum__schedule_entries_v_published_locale" AS ENUM('vi', 'en');
  CREATE TYPE "public"."enum__documents_v_published_locale" AS ENUM('vi', 'en');
  CREATE TABLE "units_locales" (
  	"name" varchar,
  	"functions" jsonb,
  	"address" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_units_v_locales" (
  	"version_name" varchar,
  	"version_functions" jsonb,
  	"version_address" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "people_locales" (
  	"title" varchar,
  	"bio" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_people_v_locales" (
  	"version_title" varchar,
  	"version_bio" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  ALTER TABLE "_articles_v" ADD COLUMN "snapshot" boolean;
  ALTER TABLE "_articles_v" ADD COLUMN "published_locale" "enum__articles_v_published_locale";
  ALTER TABLE "_units_v" ADD COLUMN "snapshot" boolean;
  ALTER TABLE "_units_v" ADD COLUMN "published_locale" "enum__units_v_published_locale";
  ALTER TABLE "_people_v" ADD COLUMN "snapshot" boolean;
  ALTER TABLE "_people_v" ADD COLUMN "published_locale" "enum__people_v_published_locale";
  ALTER TABLE "_schedule_entries_v" ADD COLUMN "snapshot" boolean;
  ALTER TABLE "_schedule_entries_v" ADD COLUMN "published_locale" "enum__schedule_entries_v_published_locale";
  ALTER TABLE "_documents_v" ADD COLUMN "snapshot" boolean;
  ALTER TABLE "_documents_v" ADD COLUMN "published_locale" "enum__documents_v_published_locale";
  ALTER TABLE "units_locales" ADD CONSTRAINT "units_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_units_v_locales" ADD CONSTRAINT "_units_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_units_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "people_locales" ADD CONSTRAINT "people_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_people_v_locales" ADD CONSTRAINT "_people_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_people_v"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "units_locales_locale_parent_id_unique" ON "units_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "_units_v_locales_locale_parent_id_unique" ON "_units_v_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "people_locales_locale_parent_id_unique" ON "people_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "_people_v_locales_locale_parent_id_unique" ON "_people_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_articles_v_snapshot_idx" ON "_articles_v" USING btree ("snapshot");
  CREATE INDEX "_articles_v_published_locale_idx" ON "_articles_v" USING btree ("published_locale");
  CREATE INDEX "_units_v_snapshot_idx" ON "_units_v" USING btree ("snapshot");
  CREATE INDEX "_units_v_published_locale_idx" ON "_units_v" USING btree ("published_locale");
  CREATE INDEX "_people_v_snapshot_idx" ON "_people_v" USING btree ("snapshot");
  CREATE INDEX "_people_v_published_locale_idx" ON "_people_v" USING btree ("published_locale");
  CREATE INDEX "_schedule_entries_v_snapshot_idx" ON "_schedule_entries_v" USING btree ("snapshot");
  CREATE INDEX "_schedule_entries_v_published_locale_idx" ON "_schedule_entries_v" USING btree ("published_locale");
  CREATE INDEX "_documents_v_snapshot_idx" ON "_documents_v" USING btree ("snapshot");
  CREATE INDEX "_documents_v_published_locale_idx" ON "_documents_v" USING btree ("published_locale");
  INSERT INTO "units_locales" ("name", "functions", "address", "_locale", "_parent_id") SELECT "name", "functions", "address", 'vi', "id" FROM "units";
  INSERT INTO "_units_v_locales" ("version_name", "version_functions", "version_address", "_locale", "_parent_id") SELECT "version_name", "version_functions", "version_address", 'vi', "id" FROM "_units_v";
  INSERT INTO "people_locales" ("title", "bio", "_locale", "_parent_id") SELECT "title", "bio", 'vi', "id" FROM "people";
  INSERT INTO "_people_v_locales" ("version_title", "version_bio", "_locale", "_parent_id") SELECT "version_title", "version_bio", 'vi', "id" FROM "_people_v";
  ALTER TABLE "units" DROP COLUMN "name";
  ALTER TABLE "units" DROP COLUMN "functions";
  ALTER TABLE "units" DROP COLUMN "address";
  ALTER TABLE "_units_v" DROP COLUMN "version_name";
  ALTER TABLE "_units_v" DROP COLUMN "version_functions";
  ALTER TABLE "_units_v" DROP COLUMN "version_address";
  ALTER TABLE "people" DROP COLUMN "title";
  ALTER TABLE "people" DROP COLUMN "bio";
  ALTER TABLE "_people_v" DROP COLUMN "version_title";
  ALTER TABLE "_people_v" DROP COLUMN "version_bio";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // The Vietnamese texts go back into their columns; English translations are lost.
  await db.execute(sql`
  ALTER TABLE "units" ADD COLUMN "name" varchar;
  ALTER TABLE "units" ADD COLUMN "functions" jsonb;
  ALTER TABLE "units" ADD COLUMN "address" varchar;
  ALTER TABLE "_units_v" ADD COLUMN "version_name" varchar;
  ALTER TABLE "_units_v" ADD COLUMN "version_functions" jsonb;
  ALTER TABLE "_units_v" ADD COLUMN "version_address" varchar;
  ALTER TABLE "people" ADD COLUMN "title" varchar;
  ALTER TABLE "people" ADD COLUMN "bio" varchar;
  ALTER TABLE "_people_v" ADD COLUMN "version_title" varchar;
  ALTER TABLE "_people_v" ADD COLUMN "version_bio" varchar;
  UPDATE "units" SET "name" = (SELECT "name" FROM "units_locales" WHERE "_parent_id" = "units"."id" AND "_locale" = 'vi'), "functions" = (SELECT "functions" FROM "units_locales" WHERE "_parent_id" = "units"."id" AND "_locale" = 'vi'), "address" = (SELECT "address" FROM "units_locales" WHERE "_parent_id" = "units"."id" AND "_locale" = 'vi');
  UPDATE "_units_v" SET "version_name" = (SELECT "version_name" FROM "_units_v_locales" WHERE "_parent_id" = "_units_v"."id" AND "_locale" = 'vi'), "version_functions" = (SELECT "version_functions" FROM "_units_v_locales" WHERE "_parent_id" = "_units_v"."id" AND "_locale" = 'vi'), "version_address" = (SELECT "version_address" FROM "_units_v_locales" WHERE "_parent_id" = "_units_v"."id" AND "_locale" = 'vi');
  UPDATE "people" SET "title" = (SELECT "title" FROM "people_locales" WHERE "_parent_id" = "people"."id" AND "_locale" = 'vi'), "bio" = (SELECT "bio" FROM "people_locales" WHERE "_parent_id" = "people"."id" AND "_locale" = 'vi');
  UPDATE "_people_v" SET "version_title" = (SELECT "version_title" FROM "_people_v_locales" WHERE "_parent_id" = "_people_v"."id" AND "_locale" = 'vi'), "version_bio" = (SELECT "version_bio" FROM "_people_v_locales" WHERE "_parent_id" = "_people_v"."id" AND "_locale" = 'vi');
  `)
  await db.execute(sql`
   ALTER TABLE "units_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_units_v_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "people_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_people_v_locales" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "units_locales" CASCADE;
  DROP TABLE "_units_v_locales" CASCADE;
  DROP TABLE "people_locales" CASCADE;
  DROP TABLE "_people_v_locales" CASCADE;
  DROP INDEX "_articles_v_snapshot_idx";
  DROP INDEX "_articles_v_published_locale_idx";
  DROP INDEX "_units_v_snapshot_idx";
  DROP INDEX "_units_v_published_locale_idx";
  DROP INDEX "_people_v_snapshot_idx";
  DROP INDEX "_people_v_published_locale_idx";
  DROP INDEX "_schedule_entries_v_snapshot_idx";
  DROP INDEX "_schedule_entries_v_published_locale_idx";
  DROP INDEX "_documents_v_snapshot_idx";
  DROP INDEX "_documents_v_published_locale_idx";
  ALTER TABLE "_articles_v" DROP COLUMN "snapshot";
  ALTER TABLE "_articles_v" DROP COLUMN "published_locale";
  ALTER TABLE "_units_v" DROP COLUMN "snapshot";
  ALTER TABLE "_units_v" DROP COLUMN "published_locale";
  ALTER TABLE "_people_v" DROP COLUMN "snapshot";
  ALTER TABLE "_people_v" DROP COLUMN "published_locale";
  ALTER TABLE "_schedule_entries_v" DROP COLUMN "snapshot";
  ALTER TABLE "_schedule_entries_v" DROP COLUMN "published_locale";
  ALTER TABLE "_documents_v" DROP COLUMN "snapshot";
  ALTER TABLE "_documents_v" DROP COLUMN "published_locale";
  DROP TYPE "public"."_locales";
  DROP TYPE "public"."enum__articles_v_published_locale";
  DROP TYPE "public"."enum__units_v_published_locale";
  DROP TYPE "public"."enum__people_v_published_locale";
  DROP TYPE "public"."enum__schedule_entries_v_published_locale";
  DROP TYPE "public"."enum__documents_v_published_locale";`)
}
