import type { Payload } from 'payload'

import type { QuestionField, Site } from '../payload-types.ts'
import type { PageChange } from '../site/cache/types.ts'

import { pageTags } from '../site/cache/tags.ts'
import { findQuestionFields } from './queries.ts'

/** The longest a site's list is kept, should the notice of a change be lost. */
const KEEP_MS = 60_000

type FieldOption = Pick<QuestionField, 'id' | 'name'>

export type QuestionFieldList = {
  /** The site's fields ("lĩnh vực") in their order. */
  of: (site: Site) => Promise<FieldOption[]>
  /** Forgets a site's list when its question pages change (a field was added, renamed or removed). */
  purge: (change: PageChange) => void
}

/**
 * The question fields of each site, read once and reused by the form: every submission checks its
 * field against the list, and asking the database each time was one query per submission. A change
 * to a field purges the site's question pages (pageTags.questions), on every instance, and that
 * purge forgets the list here too.
 */
export function createQuestionFieldList(payload: Payload, now = Date.now): QuestionFieldList {
  const lists = new Map<string, { readAt: number; fields: Promise<FieldOption[]> }>()
  return {
    of(site) {
      const key = String(site.id)
      const kept = lists.get(key)
      if (kept && now() - kept.readAt <= KEEP_MS) return kept.fields
      const fresh = { readAt: now(), fields: findQuestionFields(payload, site) }
      lists.set(key, fresh)
      // A failed read is not kept: the next form tries again.
      fresh.fields.catch(() => lists.get(key) === fresh && lists.delete(key))
      return fresh.fields
    },
    purge(change) {
      if (!change.tags || change.tags.includes(pageTags.questions)) lists.delete(change.site)
    },
  }
}
