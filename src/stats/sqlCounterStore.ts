import type { Payload } from 'payload'

import { and, desc, eq, gte, isNotNull, isNull, lte, sql, type SQL } from '@payloadcms/db-sqlite/drizzle'

import type { CounterIncrement, CounterStore, DayRange, Id } from './counterStore.ts'

import { counterKey } from './counterStore.ts'

/* The drizzle objects of Payload's SQL adapters; their query builders are the same for SQLite and PostgreSQL. */
/* eslint-disable @typescript-eslint/no-explicit-any */
type DrizzleAdapter = {
  name: string
  drizzle: any
  tables: Record<string, any>
  sessions: Record<string, { db: any }>
  beginTransaction: Payload['db']['beginTransaction']
  commitTransaction: Payload['db']['commitTransaction']
  rollbackTransaction: Payload['db']['rollbackTransaction']
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Rows per INSERT … ON CONFLICT statement. */
const CHUNK = 500

/**
 * `INSERT … ON CONFLICT (key) DO UPDATE SET count = count + excluded.count` through the drizzle
 * instance of Payload's SQLite or PostgreSQL adapter. On SQLite the statement runs in a Payload
 * transaction so it takes its turn with the process's other writes (src/db/sqliteWrites.ts).
 */
export function sqlCounterStore(payload: Payload): CounterStore {
  const db = payload.db as unknown as DrizzleAdapter
  const table = db.tables.visit_counters
  const sqlite = db.name === 'sqlite'
  const toNumber = (value: unknown) => Number(value ?? 0)

  const upsert = (drizzle: DrizzleAdapter['drizzle'], rows: CounterIncrement[]) => {
    const now = new Date().toISOString()
    return drizzle
      .insert(table)
      .values(
        rows.map((row) => ({
          key: counterKey(row),
          site: row.site,
          article: row.article ?? null,
          day: row.day,
          count: row.count,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoUpdate({ target: table.key, set: { count: sql`${table.count} + excluded.count`, updatedAt: now } })
  }

  const inRange = (site: Id, range: DayRange = {}): SQL[] => [
    eq(table.site, site),
    ...(range.from ? [gte(table.day, range.from)] : []),
    ...(range.to ? [lte(table.day, range.to)] : []),
  ]
  const total = sql`coalesce(sum(${table.count}), 0)`

  return {
    async increment(rows) {
      for (let start = 0; start < rows.length; start += CHUNK) {
        const chunk = rows.slice(start, start + CHUNK)
        if (!sqlite) {
          await upsert(db.drizzle, chunk)
          continue
        }
        const id = await db.beginTransaction()
        try {
          await upsert(id ? db.sessions[String(id)]!.db : db.drizzle, chunk)
          if (id) await db.commitTransaction(id)
        } catch (error) {
          if (id) await db.rollbackTransaction(id)
          throw error
        }
      }
    },
    async siteVisits(site, range) {
      const [row] = await db.drizzle.select({ total }).from(table).where(and(...inRange(site, range), isNull(table.article)))
      return toNumber(row?.total)
    },
    async articleViews(article) {
      const [row] = await db.drizzle.select({ total }).from(table).where(eq(table.article, article))
      return toNumber(row?.total)
    },
    async siteDaily(site, range) {
      const rows = await db.drizzle
        .select({ day: table.day, count: table.count })
        .from(table)
        .where(and(...inRange(site, range), isNull(table.article)))
        .orderBy(table.day)
      return rows.map((row: { day: string; count: unknown }) => ({ day: row.day, count: toNumber(row.count) }))
    },
    async topArticles(site, range, limit) {
      const rows = await db.drizzle
        .select({ article: table.article, count: total })
        .from(table)
        .where(and(...inRange(site, range), isNotNull(table.article)))
        .groupBy(table.article)
        .orderBy(desc(total))
        .limit(limit)
      return rows.map((row: { article: Id; count: unknown }) => ({ article: row.article, count: toNumber(row.count) }))
    },
  }
}
