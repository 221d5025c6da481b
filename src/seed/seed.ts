import type { Payload, PayloadRequest } from 'payload'

import type { Category, Site } from '../payload-types.ts'
import type { DemoArticle, DemoSite } from './demoContent.ts'

import { paragraphsToLexical } from '../lib/lexical.ts'
import { DEMO_PASSWORD, DEMO_SITES, DEMO_USERS } from './demoContent.ts'
import { drawConferencePhoto } from './demoImages.ts'

export type SeedReport = { created: number; existing: number }

/**
 * Writes the demo content. Idempotent: every document is looked up by its natural key first
 * and left alone if it exists, so a second run creates and changes nothing.
 */
export async function seedDemoContent(payload: Payload): Promise<SeedReport> {
  const report: SeedReport = { created: 0, existing: 0 }
  const req = { context: { seeding: true } } as Partial<PayloadRequest>

  const sites = new Map<string, Site>()
  for (const demoSite of DEMO_SITES) {
    const site = await findOrCreate(payload, report, 'sites', { key: { equals: demoSite.key } }, () => siteData(demoSite))
    sites.set(demoSite.key, site as Site)
  }

  for (const user of DEMO_USERS) {
    const site = user.site ? sites.get(user.site) : undefined
    await findOrCreate(payload, report, 'users', { email: { equals: user.email } }, () => ({
      email: user.email,
      name: user.name,
      role: user.role,
      password: DEMO_PASSWORD,
      sites: site ? [{ site: site.id }] : [],
    }))
  }

  for (const [index, demoSite] of DEMO_SITES.entries()) {
    const site = sites.get(demoSite.key)!
    const categories = new Map<string, Category>()
    for (const category of demoSite.categories) {
      const doc = await findOrCreate(
        payload,
        report,
        'categories',
        { and: [{ site: { equals: site.id } }, { slug: { equals: category.slug } }] },
        () => ({ ...category, site: site.id }),
      )
      categories.set(category.slug, doc as Category)
    }
    for (const [position, article] of demoSite.articles.entries()) {
      const existing = await payload.find({
        collection: 'articles',
        where: { and: [{ site: { equals: site.id } }, { slug: { equals: article.slug } }] },
        draft: true,
        limit: 1,
        depth: 0,
      })
      if (existing.docs.length > 0) {
        report.existing++
        continue
      }
      const photo = await createPhoto(payload, site, demoSite, article, index * 10 + position)
      await payload.create({
        collection: 'articles',
        data: articleData(article, site, categories, photo.id),
        draft: article.status === 'draft',
        req,
      })
      report.created += 2
    }
  }
  return report
}

type SeedCollection = 'categories' | 'sites' | 'users'

async function findOrCreate(
  payload: Payload,
  report: SeedReport,
  collection: SeedCollection,
  where: Parameters<Payload['find']>[0]['where'],
  data: () => Record<string, unknown>,
): Promise<{ id: number | string }> {
  const existing = await payload.find({ collection, where, limit: 1, depth: 0 })
  if (existing.docs[0]) {
    report.existing++
    return existing.docs[0]
  }
  report.created++
  return payload.create({ collection, data: data() as never, depth: 0 })
}

function siteData(site: DemoSite) {
  return {
    key: site.key,
    name: site.name,
    agency: site.agency,
    governingBody: site.governingBody,
    licence: site.licence,
    editorInChief: site.editorInChief,
    address: site.address,
    phone: site.phone,
    email: site.email,
    hosts: site.hosts.map((host) => ({ host })),
    primaryColor: site.primaryColor,
    accentColor: site.accentColor,
  }
}

async function createPhoto(payload: Payload, site: Site, demoSite: DemoSite, article: DemoArticle, seed: number) {
  const data = await drawConferencePhoto(seed, demoSite.primaryColor, demoSite.accentColor)
  return payload.create({
    collection: 'media',
    data: { alt: `${article.photoCaption} - ${article.title}`, caption: article.photoCaption, credit: article.byline, site: site.id },
    file: { data, mimetype: 'image/jpeg', name: `${demoSite.key}-${article.slug.slice(0, 40)}.jpg`, size: data.length },
    depth: 0,
  })
}

function articleData(article: DemoArticle, site: Site, categories: Map<string, Category>, coverId: number | string) {
  return {
    title: article.title,
    slug: article.slug,
    lead: article.lead,
    body: paragraphsToLexical(article.paragraphs),
    cover: coverId,
    byline: article.byline,
    source: article.source,
    publishedAt: article.publishedAt,
    featured: article.featured ?? false,
    views: article.views,
    categories: [categories.get(article.category)!.id],
    site: site.id,
    _status: article.status,
  } as never
}
