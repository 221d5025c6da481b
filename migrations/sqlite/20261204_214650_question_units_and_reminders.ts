import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`users\` ADD \`organisation_unit_id\` integer REFERENCES units(id);`)
  await db.run(sql`CREATE INDEX \`users_organisation_unit_idx\` ON \`users\` (\`organisation_unit_id\`);`)
  await db.run(sql`ALTER TABLE \`questions\` ADD \`organisation_unit_id\` integer REFERENCES units(id);`)
  await db.run(sql`ALTER TABLE \`questions\` ADD \`overdue_reminded_at\` text;`)
  await db.run(sql`CREATE INDEX \`questions_organisation_unit_idx\` ON \`questions\` (\`organisation_unit_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`role\` text DEFAULT 'reporter' NOT NULL,
  	\`unit\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_users\`("id", "name", "role", "unit", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at") SELECT "id", "name", "role", "unit", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at" FROM \`users\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`ALTER TABLE \`__new_users\` RENAME TO \`users\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`__new_questions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_id\` integer,
  	\`reference\` text NOT NULL,
  	\`kind\` text DEFAULT 'question' NOT NULL,
  	\`status\` text DEFAULT 'new' NOT NULL,
  	\`rejection_reason\` text,
  	\`assigned_unit\` text,
  	\`received_at\` text NOT NULL,
  	\`flagged\` integer DEFAULT false,
  	\`flag_reason\` text,
  	\`field_id\` integer,
  	\`title\` text NOT NULL,
  	\`body\` text NOT NULL,
  	\`asker_name\` text NOT NULL,
  	\`email\` text,
  	\`phone\` text,
  	\`address\` text,
  	\`name_display\` text DEFAULT 'initials' NOT NULL,
  	\`ip_hash\` text,
  	\`follow_up_hash\` text,
  	\`answer\` text,
  	\`answered_by_id\` integer,
  	\`answered_at\` text,
  	\`published_at\` text,
  	\`contact_erased_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`site_id\`) REFERENCES \`sites\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`field_id\`) REFERENCES \`question_fields\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`answered_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_questions\`("id", "site_id", "reference", "kind", "status", "rejection_reason", "assigned_unit", "received_at", "flagged", "flag_reason", "field_id", "title", "body", "asker_name", "email", "phone", "address", "name_display", "ip_hash", "follow_up_hash", "answer", "answered_by_id", "answered_at", "published_at", "contact_erased_at", "updated_at", "created_at") SELECT "id", "site_id", "reference", "kind", "status", "rejection_reason", "assigned_unit", "received_at", "flagged", "flag_reason", "field_id", "title", "body", "asker_name", "email", "phone", "address", "name_display", "ip_hash", "follow_up_hash", "answer", "answered_by_id", "answered_at", "published_at", "contact_erased_at", "updated_at", "created_at" FROM \`questions\`;`)
  await db.run(sql`DROP TABLE \`questions\`;`)
  await db.run(sql`ALTER TABLE \`__new_questions\` RENAME TO \`questions\`;`)
  await db.run(sql`CREATE INDEX \`questions_site_idx\` ON \`questions\` (\`site_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_reference_idx\` ON \`questions\` (\`reference\`);`)
  await db.run(sql`CREATE INDEX \`questions_kind_idx\` ON \`questions\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`questions_status_idx\` ON \`questions\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`questions_assigned_unit_idx\` ON \`questions\` (\`assigned_unit\`);`)
  await db.run(sql`CREATE INDEX \`questions_received_at_idx\` ON \`questions\` (\`received_at\`);`)
  await db.run(sql`CREATE INDEX \`questions_field_idx\` ON \`questions\` (\`field_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`questions_follow_up_hash_idx\` ON \`questions\` (\`follow_up_hash\`);`)
  await db.run(sql`CREATE INDEX \`questions_answered_by_idx\` ON \`questions\` (\`answered_by_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_published_at_idx\` ON \`questions\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`questions_contact_erased_at_idx\` ON \`questions\` (\`contact_erased_at\`);`)
  await db.run(sql`CREATE INDEX \`questions_updated_at_idx\` ON \`questions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`questions_created_at_idx\` ON \`questions\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`site_reference_idx\` ON \`questions\` (\`site_id\`,\`reference\`);`)
  await db.run(sql`CREATE INDEX \`site_status_publishedAt_idx\` ON \`questions\` (\`site_id\`,\`status\`,\`published_at\`);`)
}
