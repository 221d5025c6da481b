import type { Payload } from 'payload'

import type { Site, User } from '../../src/payload-types.ts'

import { DEMO_PASSWORD, DEMO_SITES } from '../../src/seed/demoContent.ts'

/** Names of the demo fixtures, so tests never spell them twice. */
export const HOABINH = DEMO_SITES[0]
export const KONTUM = DEMO_SITES[1]
export const PASSWORD = DEMO_PASSWORD

export const demoEmail = {
  admin: 'admin@congtin.local',
  editor: (site: { key: string }) => `bientap.${site.key}@congtin.local`,
  reporter: (site: { key: string }) => `phongvien.${site.key}@congtin.local`,
  pollModerator: (site: { key: string }) => `kiemduyet.${site.key}@congtin.local`,
}

export async function findSite(payload: Payload, key: string): Promise<Site> {
  const result = await payload.find({ collection: 'sites', where: { key: { equals: key } }, limit: 1 })
  if (!result.docs[0]) throw new Error(`demo site ${key} missing`)
  return result.docs[0]
}

export async function findUser(payload: Payload, email: string): Promise<User> {
  const result = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1 })
  if (!result.docs[0]) throw new Error(`demo user ${email} missing`)
  return result.docs[0]
}
