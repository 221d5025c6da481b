import type { CollectionBeforeValidateHook } from 'payload'

import type { Consultation } from '../../../src/payload-types.ts'

import { slugify } from '../../../src/lib/vietnamese.ts'

/** A draft without a slug gets one from its title; a slug once given is kept (links to it stay). */
export const fillConsultationSlug: CollectionBeforeValidateHook<Consultation> = ({ data, originalDoc }) => {
  if (!data) return data
  const title = data.title ?? originalDoc?.title
  if (!data.slug && !originalDoc?.slug && title) data.slug = slugify(title, 80)
  return data
}
