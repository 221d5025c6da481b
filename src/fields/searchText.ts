import type { TextField } from 'payload'

import { staffOrServer } from '../access/rules.ts'

/**
 * A hidden, folded copy of a document's text (lowercase, no accents, đ→d) that search queries
 * match against with `contains`, the same way on SQLite, PostgreSQL and MongoDB.
 */
export function searchTextField(name = 'searchText'): TextField {
  return {
    name,
    type: 'text',
    index: false,
    admin: { hidden: true, disableListColumn: true, disableListFilter: true },
    access: { read: staffOrServer, update: () => false, create: () => false },
  }
}
