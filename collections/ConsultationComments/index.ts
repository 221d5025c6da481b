import type { CollectionConfig, Field } from 'payload'

import { nobody } from '../../src/access/pollRules.ts'
import { contactErasedAtField } from '../../src/participation/contactErasedField.ts'
import { COMMENT_STATUSES, COMMENT_STATUS_LABELS } from '../../src/consultations/statuses.ts'
import { normalizeText } from '../../src/hooks/normalizeText.ts'
import { readModelHooks } from '../../src/site/readModel/hooks.ts'
import { moderators, moderatorsField, nobodyField, readComments, staffField } from './access/commentRules.ts'

const systemOnly = { create: nobodyField, update: nobodyField }
const contact = { read: staffField, ...systemOnly }

const fields: Field[] = [
  { name: 'consultation', type: 'relationship', relationTo: 'consultations', required: true, index: true, access: systemOnly, label: { vi: 'Dự thảo', en: 'Draft' }, admin: { readOnly: true } },
  { name: 'point', type: 'text', maxLength: 40, access: systemOnly, label: { vi: 'Nội dung được góp ý (mã)', en: 'Point (id)' }, admin: { readOnly: true } },
  { name: 'pointTitle', type: 'text', maxLength: 200, access: systemOnly, label: { vi: 'Nội dung được góp ý', en: 'Point' }, admin: { readOnly: true } },
  {
    name: 'status',
    type: 'select',
    required: true,
    defaultValue: 'new',
    index: true,
    access: { create: nobodyField, update: moderatorsField },
    label: { vi: 'Trạng thái', en: 'Status' },
    options: COMMENT_STATUSES.map((value) => ({ value, label: COMMENT_STATUS_LABELS[value] })),
    admin: { position: 'sidebar' },
  },
  { name: 'receivedAt', type: 'date', required: true, index: true, access: systemOnly, label: { vi: 'Ngày nhận', en: 'Received' }, admin: { position: 'sidebar', readOnly: true } },
  { name: 'name', type: 'text', required: true, maxLength: 100, access: systemOnly, label: { vi: 'Họ và tên', en: 'Name' }, admin: { readOnly: true } },
  { name: 'organisation', type: 'text', maxLength: 200, access: systemOnly, label: { vi: 'Cơ quan, tổ chức', en: 'Organisation' }, admin: { readOnly: true } },
  { name: 'comment', type: 'textarea', required: true, maxLength: 5000, access: systemOnly, label: { vi: 'Nội dung góp ý', en: 'Comment' }, admin: { readOnly: true } },
  {
    type: 'collapsible',
    label: { vi: 'Liên hệ (thông tin cá nhân, không công bố)', en: 'Contact (personal data, never published)' },
    fields: [
      { name: 'email', type: 'text', maxLength: 254, access: contact, label: { vi: 'Thư điện tử', en: 'E-mail' }, admin: { readOnly: true } },
      { name: 'phone', type: 'text', maxLength: 20, access: contact, label: { vi: 'Điện thoại', en: 'Phone' }, admin: { readOnly: true } },
      { name: 'ipHash', type: 'text', access: contact, label: { vi: 'Mã địa chỉ IP (băm)', en: 'IP hash' }, admin: { readOnly: true } },
    ],
  },
  contactErasedAtField,
]

/**
 * Citizens' comments on drafts put out for comment. Created only by the public form
 * (src/consultations); staff read and moderate them here; the public reads approved ones, without
 * contact details, through the draft's page.
 */
export const ConsultationComments: CollectionConfig = {
  slug: 'consultation-comments',
  labels: { singular: { vi: 'Ý kiến góp ý dự thảo', en: 'Comment on a draft' }, plural: { vi: 'Ý kiến góp ý dự thảo', en: 'Comments on drafts' } },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'consultation', 'pointTitle', 'status', 'receivedAt'],
    group: { vi: 'Văn bản', en: 'Documents' },
  },
  defaultSort: '-receivedAt',
  indexes: [{ fields: ['site', 'consultation', 'status'] }],
  access: { read: readComments, create: nobody, update: moderators, delete: moderators },
  hooks: {
    beforeValidate: [normalizeText],
    afterChange: [readModelHooks.consultationComments.afterChange],
    afterDelete: [readModelHooks.consultationComments.afterDelete],
  },
  fields,
}
