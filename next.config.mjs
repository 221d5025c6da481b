import { withPayload } from '@payloadcms/next/withPayload'

/** Next.js serves only Payload's admin, REST and GraphQL; the public site is rendered by Express. */
const nextConfig = {
  poweredByHeader: false,
  // `npm run typecheck` checks the whole project; Next need not do it again on every build.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
