import type { FieldHook, TextField } from 'payload'

import { slugify } from '../lib/vietnamese.ts'

type SlugOverrides = Partial<Omit<TextField, 'type'>>

/** Fills the slug from another field, folded to ASCII the way Vietnamese portals write URLs. */
const slugFromField =
  (sourceField: string): FieldHook =>
  ({ value, data }) => {
    if (typeof value === 'string' && value.trim()) return slugify(value)
    const source = data?.[sourceField]
    return typeof source === 'string' ? slugify(source) : value
  }

export function slugField(sourceField = 'title', overrides: SlugOverrides = {}): TextField {
  return {
    name: 'slug',
    type: 'text',
    label: { vi: 'Đường dẫn (slug)', en: 'Slug' },
    index: true,
    required: true,
    admin: {
      position: 'sidebar',
      description: { vi: 'Tự tạo từ tiêu đề nếu để trống', en: 'Generated from the title when empty' },
    },
    hooks: { beforeValidate: [slugFromField(sourceField)] },
    ...overrides,
  } as TextField
}
