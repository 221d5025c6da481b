import type { Field } from 'payload'

/**
 * When the sender's contact details were erased (src/participation/personalData.ts): by the
 * retention job or on request. Written only by the system; the retention job skips marked records.
 */
export const contactErasedAtField: Field = {
  name: 'contactErasedAt',
  type: 'date',
  index: true,
  access: { create: () => false, update: () => false },
  label: { vi: 'Đã xóa thông tin liên hệ lúc', en: 'Contact details erased' },
  admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.contactErasedAt) },
}
