import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { Id } from './records.ts'

import { personChanged, unitChanged } from './organisation.ts'
import { contextFlag } from '../../hooks/context.ts'
import { commentChanged, consultationChanged, consultationSourceChanged } from './consultations.ts'
import { documentChanged, documentFileChanged, documentTermChanged } from './documents.ts'
import { questionChanged, questionFieldChanged } from './questions.ts'
import { scheduleEntryChanged } from './schedule.ts'
import { articleChanged, captionChanged, categoryChanged, mediaChanged, termChanged } from './sync.ts'

/**
 * The collection hooks that feed the read model (src/site/readModel/sync.ts). Each runs in the
 * transaction of the change; a failure rolls the change back with it, so the read model never
 * disagrees with what it was made from.
 */

type Doc = { id: Id; site?: Id | { id: Id } | null }
const siteOf = (doc: Doc | undefined): Id | undefined => {
  const site = doc?.site
  return site === null || site === undefined ? undefined : typeof site === 'object' ? site.id : site
}

function pair(react: (req: Parameters<CollectionAfterChangeHook>[0]['req'], doc: Doc, previous?: Doc) => Promise<void>) {
  const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
    await react(req, doc as Doc, previousDoc as Doc | undefined)
    return doc
  }
  const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
    await react(req, doc as Doc)
    return doc
  }
  return { afterChange, afterDelete }
}

/**
 * A question arrives from the public form as `new`: nothing of it can be in the read model yet,
 * so its creation skips the read (and the store lookup) that every later change makes. That keeps
 * the form's transaction, which holds the site's reference counter, short.
 */
function withoutUnpublishedCreates(hooks: ReturnType<typeof pair>): ReturnType<typeof pair> {
  const afterChange: CollectionAfterChangeHook = (args) => (args.operation === 'create' && args.doc.status !== 'published' ? args.doc : hooks.afterChange(args))
  return { ...hooks, afterChange }
}

export const readModelHooks = {
  articles: pair((req, doc) => articleChanged(req, doc.id)),
  tags: pair((req, doc) => termChanged(req, 'tag', doc.id, siteOf(doc))),
  authors: pair((req, doc) => termChanged(req, 'author', doc.id, siteOf(doc))),
  categories: pair(async (req, doc, previous) => {
    await categoryChanged(req, doc.id, siteOf(doc))
    const before = siteOf(previous)
    if (before !== undefined && before !== siteOf(doc)) await categoryChanged(req, doc.id, before)
  }),
  captions: pair((req, doc) => captionChanged(req, doc.id)),
  media: pair((req, doc) => mediaChanged(req, doc.id, siteOf(doc))),
  units: pair(async (req, doc) => {
    await unitChanged(req, doc.id, siteOf(doc))
    await consultationSourceChanged(req, `dunit:${doc.id}`, siteOf(doc))
  }),
  people: pair((req, doc) => personChanged(req, doc.id, siteOf(doc))),
  scheduleEntries: pair((req, doc) => scheduleEntryChanged(req, doc.id)),
  documents: pair(async (req, doc) => (contextFlag(req.context, 'deferDocumentSync') ? undefined : documentChanged(req, doc.id))),
  documentTerms: pair((req, doc) => documentTermChanged(req, doc.id, siteOf(doc))),
  documentFiles: pair(async (req, doc) => {
    await documentFileChanged(req, doc.id, siteOf(doc))
    await consultationSourceChanged(req, `dfile:${doc.id}`, siteOf(doc))
  }),
  consultations: pair((req, doc) => consultationChanged(req, doc.id)),
  consultationComments: pair((req, doc) => commentChanged(req, doc.id)),
  questions: withoutUnpublishedCreates(pair((req, doc) => questionChanged(req, doc.id))),
  questionFields: pair((req, doc) => questionFieldChanged(req, doc.id, siteOf(doc))),
}
