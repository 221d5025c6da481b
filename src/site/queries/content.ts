import type { Payload, Where } from 'payload'

import type { Banner, Caption, Media, Notice, Site, Video } from '../../payload-types.ts'
import type { Page } from './articles.ts'

import { wordPrefixFilters } from '../../search/searchArticles.ts'
import { findBySlug } from './taxonomy.ts'

/**
 * Notices, banners, videos and the photo library. Their read access already hides what is
 * expired or not started for the public; the queries only narrow to the site.
 */

const onSite = (site: Site): Where => ({ site: { equals: site.id } })

export async function findNotices(payload: Payload, site: Site, limit = 5): Promise<Notice[]> {
  const result = await payload.find({ collection: 'notices', overrideAccess: false, where: onSite(site), sort: '-publishedAt', limit, depth: 0, pagination: false })
  return result.docs
}

export const findNoticeBySlug = (payload: Payload, site: Site, slug: string) => findBySlug<Notice>(payload, 'notices', site, slug)
export const findVideoBySlug = (payload: Payload, site: Site, slug: string) => findBySlug<Video>(payload, 'videos', site, slug)

export type BannerWithImage = Banner & { image: Media }

export async function findBanners(payload: Payload, site: Site): Promise<BannerWithImage[]> {
  const result = await payload.find({ collection: 'banners', overrideAccess: false, where: onSite(site), sort: 'order', limit: 20, depth: 1, pagination: false })
  return result.docs.filter((banner): banner is BannerWithImage => typeof banner.image === 'object')
}

export async function findVideos(payload: Payload, site: Site, limit = 4): Promise<Video[]> {
  const result = await payload.find({ collection: 'videos', overrideAccess: false, where: onSite(site), sort: '-publishedAt', limit, depth: 1, pagination: false })
  return result.docs
}


export type CaptionWithPhoto = Caption & { photo: Media }

/** The photo library ("Thư viện ảnh"), optionally narrowed by folded words of a search. */
export async function findCaptions(payload: Payload, site: Site, words: string[], page: number, limit = 24): Promise<Page<CaptionWithPhoto>> {
  const where: Where = { and: [onSite(site), ...wordPrefixFilters(words)] }
  const result = await payload.find({ collection: 'captions', overrideAccess: false, where, sort: '-createdAt', page, limit, depth: 1 })
  return {
    docs: result.docs.filter((caption): caption is CaptionWithPhoto => typeof caption.photo === 'object'),
    page: result.page ?? page,
    totalPages: result.totalPages,
    totalDocs: result.totalDocs,
  }
}
