import { DEMO_SITES } from './demoContent.ts'

export type SeedTarget = { isProduction: boolean; demo: boolean; siteKeys: string[] }

/**
 * Why the demo content must not be written into this database, if it must not. The demo accounts'
 * password is printed in the README, so they never go into a production database, nor beside a
 * real portal's sites, unless `--demo` says that this is what is wanted.
 */
export function seedRefusal({ isProduction, demo, siteKeys }: SeedTarget): string | undefined {
  if (demo) return undefined
  if (isProduction) {
    return 'NODE_ENV=production: the demo accounts have a published password and are not written into a production database. Add --demo to write them anyway.'
  }
  const demoKeys = new Set(DEMO_SITES.map((site) => site.key))
  const others = siteKeys.filter((key) => !demoKeys.has(key))
  if (others.length > 0) {
    return `the database holds sites that are not the demo's (${others.join(', ')}); the demo accounts are not written beside them. Add --demo to write them anyway.`
  }
  return undefined
}
