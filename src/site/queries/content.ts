import type { Payload, Where } from 'payload'

import type { Banner, Media, Notice, Site, Video } from '../../payload-types.ts'

/**
 * The site's chrome: notices, banners and videos. Their read access already hides what is
 * expired or not started for the public; the queries only narrow to the site.
 */

const onSite = (site: Site): Where => ({ site: { equals: site.id } })

export async function findNotices(payload: Payload, site: Site, limit = 5): Promise<Notice[]> {
  const result = await payload.find({ collection: 'notices', overrideAccess: false, where: onSite(site), sort: '-publishedAt', limit, depth: 0, pagination: false })
  return result.docs
}


export type BannerWithImage = Banner & { image: Media }

export async function findBanners(payload: Payload, site: Site): Promise<BannerWithImage[]> {
  const result = await payload.find({ collection: 'banners', overrideAccess: false, where: onSite(site), sort: 'order', limit: 20, depth: 1, pagination: false })
  return result.docs.filter((banner): banner is BannerWithImage => typeof banner.image === 'object')
}

export async function findVideos(payload: Payload, site: Site, limit = 4): Promise<Video[]> {
  const result = await payload.find({ collection: 'videos', overrideAccess: false, where: onSite(site), sort: '-publishedAt', limit, depth: 1, pagination: false })
  return result.docs
}

