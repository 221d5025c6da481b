import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`units_locales\` (
  	\`name\` text,
  	\`functions\` text,
  	\`address\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`units_locales_locale_parent_id_unique\` ON \`units_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_units_v_locales\` (
  	\`version_name\` text,
  	\`version_functions\` text,
  	\`version_address\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_units_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_units_v_locales_locale_parent_id_unique\` ON \`_units_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`people_locales\` (
  	\`title\` text,
  	\`bio\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`people\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`people_locales_locale_parent_id_unique\` ON \`people_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_people_v_locales\` (
  	\`version_title\` text,
  	\`version_bio\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_people_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_people_v_locales_locale_parent_id_unique\` ON \`_people_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  // Data, by hand: the texts that became localized move into the *_locales tables as Vietnamese rows
  // before their old columns are dropped (the generated statements alone would lose them).
  await db.run(sql`INSERT INTO \`units_locales\` (\`name\`, \`functions\`, \`address\`, \`_locale\`, \`_parent_id\`) SELECT \`name\`, \`functions\`, \`address\`, 'vi', \`id\` FROM \`units\`;`)
  await db.run(sql`INSERT INTO \`_units_v_locales\` (\`version_name\`, \`version_functions\`, \`version_address\`, \`_locale\`, \`_parent_id\`) SELECT \`version_name\`, \`version_functions\`, \`version_address\`, 'vi', \`id\` FROM \`_units_v\`;`)
  await db.run(sql`INSERT INTO \`people_locales\` (\`title\`, \`bio\`, \`_locale\`, \`_parent_id\`) SELECT \`title\`, \`bio\`, 'vi', \`id\` FROM \`people\`;`)
  await db.run(sql`INSERT INTO \`_people_v_locales\` (\`version_title\`, \`version_bio\`, \`_locale\`, \`_parent_id\`) SELECT \`version_title\`, \`version_bio\`, 'vi', \`id\` FROM \`_people_v\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`snapshot\` integer;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`published_locale\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_snapshot_idx\` ON \`_articles_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_published_locale_idx\` ON \`_articles_v\` (\`published_locale\`);`)
  await db.run(sql`ALTER TABLE \`_units_v\` ADD \`snapshot\` integer;`)
  await db.run(sql`ALTER TABLE \`_units_v\` ADD \`published_locale\` text;`)
  await db.run(sql`CREATE INDEX \`_units_v_snapshot_idx\` ON \`_units_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_units_v_published_locale_idx\` ON \`_units_v\` (\`published_locale\`);`)
  await db.run(sql`ALTER TABLE \`_units_v\` DROP COLUMN \`version_name\`;`)
  await db.run(sql`ALTER TABLE \`_units_v\` DROP COLUMN \`version_functions\`;`)
  await db.run(sql`ALTER TABLE \`_units_v\` DROP COLUMN \`version_address\`;`)
  await db.run(sql`ALTER TABLE \`_people_v\` ADD \`snapshot\` integer;`)
  await db.run(sql`ALTER TABLE \`_people_v\` ADD \`published_locale\` text;`)
  await db.run(sql`CREATE INDEX \`_people_v_snapshot_idx\` ON \`_people_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_people_v_published_locale_idx\` ON \`_people_v\` (\`published_locale\`);`)
  await db.run(sql`ALTER TABLE \`_people_v\` DROP COLUMN \`version_title\`;`)
  await db.run(sql`ALTER TABLE \`_people_v\` DROP COLUMN \`version_bio\`;`)
  await db.run(sql`ALTER TABLE \`_schedule_entries_v\` ADD \`snapshot\` integer;`)
  await db.run(sql`ALTER TABLE \`_schedule_entries_v\` ADD \`published_locale\` text;`)
  await db.run(sql`CREATE INDEX \`_schedule_entries_v_snapshot_idx\` ON \`_schedule_entries_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_schedule_entries_v_published_locale_idx\` ON \`_schedule_entries_v\` (\`published_locale\`);`)
  await db.run(sql`ALTER TABLE \`_documents_v\` ADD \`snapshot\` integer;`)
  await db.run(sql`ALTER TABLE \`_documents_v\` ADD \`published_locale\` text;`)
  await db.run(sql`CREATE INDEX \`_documents_v_snapshot_idx\` ON \`_documents_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_documents_v_published_locale_idx\` ON \`_documents_v\` (\`published_locale\`);`)
  await db.run(sql`ALTER TABLE \`units\` DROP COLUMN \`name\`;`)
  await db.run(sql`ALTER TABLE \`units\` DROP COLUMN \`functions\`;`)
  await db.run(sql`ALTER TABLE \`units\` DROP COLUMN \`address\`;`)
  await db.run(sql`ALTER TABLE \`people\` DROP COLUMN \`title\`;`)
  await db.run(sql`ALTER TABLE \`people\` DROP COLUMN \`bio\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // The Vietnamese texts go back into their columns; English translations are lost.
  await db.run(sql`ALTER TABLE \`_units_v\` ADD \`version_name\` text;`)
  await db.run(sql`ALTER TABLE \`_units_v\` ADD \`version_functions\` text;`)
  await db.run(sql`ALTER TABLE \`_units_v\` ADD \`version_address\` text;`)
  await db.run(sql`ALTER TABLE \`_people_v\` ADD \`version_title\` text;`)
  await db.run(sql`ALTER TABLE \`_people_v\` ADD \`version_bio\` text;`)
  await db.run(sql`ALTER TABLE \`units\` ADD \`name\` text;`)
  await db.run(sql`ALTER TABLE \`units\` ADD \`functions\` text;`)
  await db.run(sql`ALTER TABLE \`units\` ADD \`address\` text;`)
  await db.run(sql`ALTER TABLE \`people\` ADD \`title\` text;`)
  await db.run(sql`ALTER TABLE \`people\` ADD \`bio\` text;`)
  await db.run(sql`UPDATE \`units\` SET \`name\` = (SELECT \`name\` FROM \`units_locales\` WHERE \`_parent_id\` = \`units\`.\`id\` AND \`_locale\` = 'vi'), \`functions\` = (SELECT \`functions\` FROM \`units_locales\` WHERE \`_parent_id\` = \`units\`.\`id\` AND \`_locale\` = 'vi'), \`address\` = (SELECT \`address\` FROM \`units_locales\` WHERE \`_parent_id\` = \`units\`.\`id\` AND \`_locale\` = 'vi');`)
  await db.run(sql`UPDATE \`_units_v\` SET \`version_name\` = (SELECT \`version_name\` FROM \`_units_v_locales\` WHERE \`_parent_id\` = \`_units_v\`.\`id\` AND \`_locale\` = 'vi'), \`version_functions\` = (SELECT \`version_functions\` FROM \`_units_v_locales\` WHERE \`_parent_id\` = \`_units_v\`.\`id\` AND \`_locale\` = 'vi'), \`version_address\` = (SELECT \`version_address\` FROM \`_units_v_locales\` WHERE \`_parent_id\` = \`_units_v\`.\`id\` AND \`_locale\` = 'vi');`)
  await db.run(sql`UPDATE \`people\` SET \`title\` = (SELECT \`title\` FROM \`people_locales\` WHERE \`_parent_id\` = \`people\`.\`id\` AND \`_locale\` = 'vi'), \`bio\` = (SELECT \`bio\` FROM \`people_locales\` WHERE \`_parent_id\` = \`people\`.\`id\` AND \`_locale\` = 'vi');`)
  await db.run(sql`UPDATE \`_people_v\` SET \`version_title\` = (SELECT \`version_title\` FROM \`_people_v_locales\` WHERE \`_parent_id\` = \`_people_v\`.\`id\` AND \`_locale\` = 'vi'), \`version_bio\` = (SELECT \`version_bio\` FROM \`_people_v_locales\` WHERE \`_parent_id\` = \`_people_v\`.\`id\` AND \`_locale\` = 'vi');`)
  await db.run(sql`DROP TABLE \`units_locales\`;`)
  await db.run(sql`DROP TABLE \`_units_v_locales\`;`)
  await db.run(sql`DROP TABLE \`people_locales\`;`)
  await db.run(sql`DROP TABLE \`_people_v_locales\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_snapshot_idx\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_published_locale_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`snapshot\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`published_locale\`;`)
  await db.run(sql`DROP INDEX \`_units_v_snapshot_idx\`;`)
  await db.run(sql`DROP INDEX \`_units_v_published_locale_idx\`;`)
  await db.run(sql`ALTER TABLE \`_units_v\` DROP COLUMN \`snapshot\`;`)
  await db.run(sql`ALTER TABLE \`_units_v\` DROP COLUMN \`published_locale\`;`)
  await db.run(sql`DROP INDEX \`_people_v_snapshot_idx\`;`)
  await db.run(sql`DROP INDEX \`_people_v_published_locale_idx\`;`)
  await db.run(sql`ALTER TABLE \`_people_v\` DROP COLUMN \`snapshot\`;`)
  await db.run(sql`ALTER TABLE \`_people_v\` DROP COLUMN \`published_locale\`;`)
  await db.run(sql`DROP INDEX \`_schedule_entries_v_snapshot_idx\`;`)
  await db.run(sql`DROP INDEX \`_schedule_entries_v_published_locale_idx\`;`)
  await db.run(sql`ALTER TABLE \`_schedule_entries_v\` DROP COLUMN \`snapshot\`;`)
  await db.run(sql`ALTER TABLE \`_schedule_entries_v\` DROP COLUMN \`published_locale\`;`)
  await db.run(sql`DROP INDEX \`_documents_v_snapshot_idx\`;`)
  await db.run(sql`DROP INDEX \`_documents_v_published_locale_idx\`;`)
  await db.run(sql`ALTER TABLE \`_documents_v\` DROP COLUMN \`snapshot\`;`)
  await db.run(sql`ALTER TABLE \`_documents_v\` DROP COLUMN \`published_locale\`;`)
}
