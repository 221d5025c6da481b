import type { CollectionConfig } from 'payload'

import { env } from '../../src/config/env.ts'
import { ROLE_LABELS, ROLES } from '../../src/access/roles.ts'
import { adminsOnly, adminsOnlyField } from '../../src/access/rules.ts'
import { normalizeText } from '../../src/hooks/normalizeText.ts'
import { readUsers } from './access/readUsers.ts'
import { updateUsers } from './access/updateUsers.ts'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { vi: 'Người dùng', en: 'User' }, plural: { vi: 'Người dùng', en: 'Users' } },
  admin: { useAsTitle: 'email', defaultColumns: ['name', 'email', 'role'], group: { vi: 'Hệ thống', en: 'System' } },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    // Secure cookies whenever the admin is served over HTTPS.
    cookies: { sameSite: 'Lax', secure: env().serverUrl.startsWith('https:') },
  },
  access: { read: readUsers, create: adminsOnly, update: updateUsers, delete: adminsOnly },
  hooks: { beforeValidate: [normalizeText] },
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
  ],
}
