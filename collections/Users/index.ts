import type { CollectionConfig } from 'payload'

import { env } from '../../src/config/env.ts'
import { ROLE_LABELS, ROLES } from '../../src/access/roles.ts'
import { clearLoginAttempts, limitLoginAttempts } from '../../src/access/loginLimits.ts'
import { enforcePasswordPolicy, enforcePasswordPolicyOnReset } from '../../src/access/passwordPolicy.ts'
import { adminsOnly, adminsOnlyField } from '../../src/access/rules.ts'
import { normalizeText } from '../../src/hooks/normalizeText.ts'
import { copyUnitName, ORGANISATION_UNIT, unitsOfSites, userSites } from '../../src/organisation/unitAssignment.ts'
import { readUsers } from './access/readUsers.ts'
import { updateUsers } from './access/updateUsers.ts'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { vi: 'Người dùng', en: 'User' }, plural: { vi: 'Người dùng', en: 'Users' } },
  admin: { useAsTitle: 'email', defaultColumns: ['name', 'email', 'role'], group: { vi: 'Hệ thống', en: 'System' } },
  auth: {
    // Payload's lockout locks an account for everyone, so a stranger could keep an editor out:
    // attempts are limited per address and per account and address instead (src/access/loginLimits.ts).
    maxLoginAttempts: 0,
    tokenExpiration: 8 * 60 * 60,
    // Secure cookies whenever the admin is served over HTTPS.
    cookies: { sameSite: 'Lax', secure: env().serverUrl.startsWith('https:') },
  },
  access: { read: readUsers, create: adminsOnly, update: updateUsers, delete: adminsOnly },
  hooks: {
    beforeOperation: [limitLoginAttempts, enforcePasswordPolicyOnReset],
    beforeValidate: [enforcePasswordPolicy, normalizeText],
    beforeChange: [copyUnitName('unit', userSites)],
    afterLogin: [clearLoginAttempts],
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: { vi: 'Họ và tên', en: 'Full name' } },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'reporter',
      saveToJWT: true,
      label: { vi: 'Vai trò', en: 'Role' },
      options: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
      access: { create: adminsOnlyField, update: adminsOnlyField },
    },
    {
      name: ORGANISATION_UNIT,
      type: 'relationship',
      relationTo: 'units',
      index: true,
      filterOptions: unitsOfSites(userSites),
      label: { vi: 'Đơn vị', en: 'Unit' },
      admin: { allowCreate: false, description: { vi: 'Với cán bộ trả lời hỏi đáp: chỉ thấy câu hỏi giao cho đơn vị này.', en: 'For answerers: they see only questions assigned to this unit.' } },
      access: { create: adminsOnlyField, update: adminsOnlyField },
    },
    // The name access rules compare (src/organisation/unitAssignment.ts): copied from the unit chosen above, or written by hand.
    {
      name: 'unit',
      type: 'text',
      maxLength: 200,
      saveToJWT: true,
      label: { vi: 'Tên đơn vị', en: 'Unit name' },
      admin: {
        condition: (data) => !data?.[ORGANISATION_UNIT],
        description: { vi: 'Chỉ ghi khi đơn vị không có trong cơ cấu tổ chức (viết đúng như khi giao câu hỏi).', en: 'Only for a unit outside the organisation (spelled as assigned).' },
      },
      access: { create: adminsOnlyField, update: adminsOnlyField },
    },
  ],
}
