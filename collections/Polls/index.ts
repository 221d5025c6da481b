import type { CollectionConfig } from 'payload'

import { pollStaff, readPolls } from '../../src/access/pollRules.ts'
import { slugField } from '../../src/fields/slug.ts'
import { normalizeText } from '../../src/hooks/normalizeText.ts'
import { purgeSiteCache } from '../../src/site/cache/purgeHooks.ts'
import { exportPoll } from './endpoints/exportPoll.ts'
import { moderateVotes } from './endpoints/moderateVotes.ts'
import { pollTally } from './endpoints/pollTally.ts'
import { reviewVotes } from './endpoints/reviewVotes.ts'
import { suspiciousVotes } from './endpoints/suspiciousVotes.ts'
import { pollFields } from './fields.ts'
import { showTally } from './hooks/showTally.ts'

/** Thăm dò ý kiến: a question with ordered options, opened and closed by moderators. */
export const Polls: CollectionConfig = {
  slug: 'polls',
  labels: { singular: { vi: 'Thăm dò ý kiến', en: 'Poll' }, plural: { vi: 'Thăm dò ý kiến', en: 'Polls' } },
  admin: {
    useAsTitle: 'question',
    defaultColumns: ['question', 'status', 'opensAt', 'closesAt'],
    group: { vi: 'Thăm dò ý kiến', en: 'Polls' },
  },
  defaultSort: '-createdAt',
  access: { read: readPolls, create: pollStaff, update: pollStaff, delete: pollStaff },
  hooks: {
    beforeValidate: [normalizeText],
    afterRead: [showTally],
    afterChange: [purgeSiteCache.afterChange],
    afterDelete: [purgeSiteCache.afterDelete],
  },
  endpoints: [pollTally, suspiciousVotes, reviewVotes, moderateVotes, exportPoll],
  fields: [...pollFields.slice(0, 1), slugField('question'), ...pollFields.slice(1)],
}
