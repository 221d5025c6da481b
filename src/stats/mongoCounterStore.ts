import type { Payload } from 'payload'

import { Types } from 'mongoose'

import type { CounterStore, DayRange, Id } from './counterStore.ts'

import { COUNTERS_SLUG, counterKey } from './counterStore.ts'

/* The Mongoose model Payload's MongoDB adapter keeps for the collection. */
/* eslint-disable @typescript-eslint/no-explicit-any */
type MongoAdapter = { collections: Record<string, any> }
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Upserts with `$inc` on the unique `key`: atomic on the server, whatever the number of instances. */
export function mongoCounterStore(payload: Payload): CounterStore {
  const model = (payload.db as unknown as MongoAdapter).collections[COUNTERS_SLUG]
  const oid = (id: Id) => new Types.ObjectId(String(id))
  const match = (site: Id, range: DayRange = {}, article: 'none' | 'some' | Id = 'none') => ({
    site: oid(site),
    ...(range.from || range.to ? { day: { ...(range.from ? { $gte: range.from } : {}), ...(range.to ? { $lte: range.to } : {}) } } : {}),
    ...(article === 'none' ? { article: null } : article === 'some' ? { article: { $ne: null } } : { article: oid(article) }),
  })
  const sum = async (filter: object) => {
    const [row] = await model.aggregate([{ $match: filter }, { $group: { _id: null, total: { $sum: '$count' } } }])
    return Number(row?.total ?? 0)
  }
  return {
    async increment(rows) {
      if (rows.length === 0) return
      const now = new Date()
      await model.bulkWrite(
        rows.map((row) => ({
          updateOne: {
            filter: { key: counterKey(row) },
            update: {
              $inc: { count: row.count },
              $set: { updatedAt: now },
              $setOnInsert: { site: oid(row.site), article: row.article ? oid(row.article) : null, day: row.day, createdAt: now },
            },
            upsert: true,
          },
        })),
        { ordered: false },
      )
    },
    siteVisits: (site, range) => sum(match(site, range)),
    articleViews: (article) => sum({ article: oid(article) }),
    async siteDaily(site, range) {
      const rows = await model.find(match(site, range)).sort({ day: 1 }).lean()
      return rows.map((row: { day: string; count: number }) => ({ day: row.day, count: row.count }))
    },
    async topArticles(site, range, limit) {
      const rows = await model.aggregate([
        { $match: match(site, range, 'some') },
        { $group: { _id: '$article', count: { $sum: '$count' } } },
        { $sort: { count: -1 } },
        { $limit: limit },
      ])
      return rows.map((row: { _id: Id; count: number }) => ({ article: String(row._id), count: row.count }))
    },
  }
}
