import type { Payload, PayloadRequest, Where } from 'payload'

import type { Article, Author, Category, Media, Site, Tag } from '../payload-types.ts'
import type { DemoArticle, DemoSite } from './demoContent.ts'

import { buildLexical, type BodyPart } from '../lib/lexical.ts'
import { DEMO_PASSWORD, DEMO_SITES, DEMO_USERS } from './demoContent.ts'
import { drawConferencePhoto } from './demoImages.ts'
import { seedWeather } from '../weather/seedWeather.ts'
import { seedDemoOrganisation } from './demoOrganisation.ts'
import { seedDemoDocuments } from '../documents/demo.ts'
import { seedDemoConsultations } from './demoConsultations.ts'
import { seedDemoPolls } from './demoPolls.ts'
import { seedDemoFeedback, seedDemoQuestions } from './demoQuestions.ts'
import { seedDemoSchedule } from './demoSchedule.ts'

export type SeedReport = { created: number; existing: number }

type Seeder = { payload: Payload; report: SeedReport; req: Partial<PayloadRequest> }
type SeedCollection = 'authors' | 'banners' | 'categories' | 'notices' | 'sites' | 'tags' | 'users' | 'videos'

const DAY = 24 * 60 * 60 * 1000

/**
 * Writes the demo content. Idempotent: every document is looked up by its natural key first
 * and left alone if it exists, so a second run creates and changes nothing.
 */
export async function seedDemoContent(payload: Payload): Promise<SeedReport> {
  const seeder: Seeder = { payload, report: { created: 0, existing: 0 }, req: { context: {} } }

  const sites = new Map<string, Site>()
  for (const demoSite of DEMO_SITES) {
    sites.set(demoSite.key, await findOrCreate<Site>(seeder, 'sites', { key: { equals: demoSite.key } }, () => siteData(demoSite)))
  }

  for (const user of DEMO_USERS) {
    const site = user.site ? sites.get(user.site) : undefined
    await findOrCreate(seeder, 'users', { email: { equals: user.email } }, () => ({
      email: user.email,
      name: user.name,
      role: user.role,
      password: DEMO_PASSWORD,
      sites: site ? [{ site: site.id }] : [],
    }))
  }

  for (const [index, demoSite] of DEMO_SITES.entries()) {
    await seedSite(seeder, sites.get(demoSite.key)!, demoSite, index)
    seeder.report.created += await seedWeather(payload, sites.get(demoSite.key)!, seeder.req)
    await seedDemoPolls(payload, sites.get(demoSite.key)!, seeder.report, seeder.req)
    await seedDemoOrganisation(payload, sites.get(demoSite.key)!, seeder.report, seeder.req)
    await seedDemoSchedule(payload, sites.get(demoSite.key)!, seeder.report, seeder.req)
    await seedDemoDocuments(payload, sites.get(demoSite.key)!, seeder.report, seeder.req)
    await seedDemoQuestions(payload, sites.get(demoSite.key)!, seeder.report, seeder.req)
    await seedDemoFeedback(payload, sites.get(demoSite.key)!, seeder.report, seeder.req)
    await seedDemoConsultations(payload, sites.get(demoSite.key)!, seeder.report, seeder.req)
  }
  return seeder.report
}

async function seedSite(seeder: Seeder, site: Site, demoSite: DemoSite, siteIndex: number): Promise<void> {
  const inSite = (where: Where): Where => ({ and: [{ site: { equals: site.id } }, where] })

  const categories = new Map<string, Category>()
  for (const category of demoSite.categories) {
    const parent = category.parent ? categories.get(category.parent)?.id : undefined
    categories.set(
      category.slug,
      await findOrCreate<Category>(seeder, 'categories', inSite({ slug: { equals: category.slug } }), () => ({
        title: category.title,
        slug: category.slug,
        order: category.order,
        parent,
        site: site.id,
      })),
    )
  }
  const tags = new Map<string, Tag>()
  for (const tag of demoSite.tags) {
    tags.set(tag.slug, await findOrCreate<Tag>(seeder, 'tags', inSite({ slug: { equals: tag.slug } }), () => ({ ...tag, site: site.id })))
  }
  const authors = new Map<string, Author>()
  for (const author of demoSite.authors) {
    authors.set(author.slug, await findOrCreate<Author>(seeder, 'authors', inSite({ slug: { equals: author.slug } }), () => ({ ...author, site: site.id })))
  }
  for (const notice of demoSite.notices) {
    await findOrCreate(seeder, 'notices', inSite({ title: { equals: notice.title } }), () => ({
      title: notice.title,
      body: notice.body,
      publishedAt: new Date(Date.now() - notice.daysAgo * DAY).toISOString(),
      expiresAt: notice.expiresInDays === null ? null : new Date(Date.now() + notice.expiresInDays * DAY).toISOString(),
      site: site.id,
    }))
  }

  let photoSeed = siteIndex * 20
  /** A banner or video whose picture is drawn only when the document itself is new. */
  const withPicture = async (collection: 'banners' | 'videos', title: string, caption: string, data: (picture: Media) => Record<string, unknown>) => {
    const existing = await seeder.payload.count({ collection, where: inSite({ title: { equals: title } }) })
    if (existing.totalDocs > 0) return void seeder.report.existing++
    const picture = await createPhoto(seeder, site, demoSite, title, caption, photoSeed++)
    await findOrCreate(seeder, collection, inSite({ title: { equals: title } }), () => ({ ...data(picture), site: site.id }))
  }
  await withPicture('banners', demoSite.banner.title, demoSite.banner.title, (image) => ({ ...demoSite.banner, image: image.id, placement: 'sidebar' }))
  await withPicture('videos', demoSite.video.title, demoSite.video.caption, (poster) => ({
    ...demoSite.video,
    poster: poster.id,
    publishedAt: new Date(Date.now() - DAY).toISOString(),
  }))

  for (const article of demoSite.articles) {
    const existing = await seeder.payload.find({ collection: 'articles', where: inSite({ slug: { equals: article.slug } }), draft: true, limit: 1, depth: 0 })
    if (existing.docs.length > 0) {
      seeder.report.existing++
      continue
    }
    const cover = await createPhoto(seeder, site, demoSite, `${article.photoCaption} - ${article.title}`, article.photoCaption, photoSeed++)
    const bodyPhoto = article.bodyPhotoCaption
      ? await createPhoto(seeder, site, demoSite, article.bodyPhotoCaption, article.bodyPhotoCaption, photoSeed++)
      : undefined
    await seeder.payload.create({
      collection: 'articles',
      data: articleData(article, site, { categories, tags, authors, cover, bodyPhoto }),
      draft: article.status === 'draft',
      req: seeder.req,
    })
    seeder.report.created++
  }
}

async function findOrCreate<T extends { id: number | string }>(
  { payload, report, req }: Seeder,
  collection: SeedCollection,
  where: Where,
  data: () => Record<string, unknown>,
): Promise<T> {
  const existing = await payload.find({ collection, where, limit: 1, depth: 0 })
  if (existing.docs[0]) {
    report.existing++
    return existing.docs[0] as unknown as T
  }
  report.created++
  return (await payload.create({ collection, data: data() as never, depth: 0, req })) as unknown as T
}

function siteData(site: DemoSite) {
  const { key, name, agency, governingBody, licence, editorInChief, address, phone, email, primaryColor, accentColor } = site
  return { key, name, agency, governingBody, licence, editorInChief, address, phone, email, primaryColor, accentColor, hosts: site.hosts.map((host) => ({ host })) }
}

async function createPhoto(seeder: Seeder, site: Site, demoSite: DemoSite, alt: string, caption: string, seed: number): Promise<Media> {
  const data = await drawConferencePhoto(seed, demoSite.primaryColor, demoSite.accentColor)
  seeder.report.created++
  return seeder.payload.create({
    collection: 'media',
    data: { alt, caption, credit: 'Ảnh minh họa', site: site.id },
    file: { data, mimetype: 'image/jpeg', name: `${demoSite.key}-anh-${seed}.jpg`, size: data.length },
    depth: 0,
  })
}

type Relations = {
  categories: Map<string, Category>
  tags: Map<string, Tag>
  authors: Map<string, Author>
  cover: Media
  bodyPhoto?: Media
}

function articleData(article: DemoArticle, site: Site, relations: Relations): Omit<Article, 'id' | 'createdAt' | 'updatedAt'> {
  const parts: BodyPart[] = article.paragraphs.map((text) => ({ kind: 'paragraph', text }))
  if (relations.bodyPhoto) {
    parts.splice(1, 0, { kind: 'photo', media: relations.bodyPhoto.id, caption: article.bodyPhotoCaption, credit: 'Ảnh: Ban Biên tập' })
  }
  return {
    title: article.title,
    slug: article.slug,
    lead: article.lead,
    body: buildLexical(parts),
    cover: relations.cover.id,
    byline: article.byline,
    source: article.source,
    footnotes: (article.footnotes ?? []).map((text) => ({ text })),
    authors: (article.authors ?? []).map((slug) => relations.authors.get(slug)!.id),
    tags: (article.tags ?? []).map((slug) => relations.tags.get(slug)!.id),
    publishedAt: article.publishedAt,
    featured: article.featured ?? false,
    views: article.views,
    categories: [relations.categories.get(article.category)!.id],
    site: site.id,
    _status: article.status,
  }
}
