import type { CollectionBeforeValidateHook } from 'payload'

import { normalizeDeep } from '../lib/vietnamese.ts'

/** All text is stored in Unicode NFC, whatever the editor or importer sent (some emit decomposed NFD). */
export const normalizeText: CollectionBeforeValidateHook = ({ data }) => (data ? normalizeDeep(data) : data)
