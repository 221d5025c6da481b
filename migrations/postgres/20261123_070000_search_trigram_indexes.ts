import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Search matches folded words with ILIKE '% word%' (Payload's `contains`), which a b-tree index
 * cannot serve. Trigram GIN indexes can, so search stays fast with hundreds of thousands of
 * articles. pg_trgm is a trusted extension: the database owner may create it.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX IF NOT EXISTS "articles_search_text_trgm_idx" ON "articles" USING gin ("search_text" gin_trgm_ops);
    CREATE INDEX IF NOT EXISTS "captions_search_text_trgm_idx" ON "captions" USING gin ("search_text" gin_trgm_ops);
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP INDEX IF EXISTS "articles_search_text_trgm_idx";
    DROP INDEX IF EXISTS "captions_search_text_trgm_idx";
  `)
}
