import type { ImportOutcome, ImportTarget } from './importArticle.ts'
import type { PageResult } from './runImport.ts'
import type { Found } from './extract.ts'

import { formatDateTime } from '../lib/dates.ts'

const clip = (text: string, max = 70) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)
const field = <T>(label: string, found: Found<T> | undefined, show: (value: T) => string) =>
  `  ${label.padEnd(10)} ${found ? `${found.confidence.padEnd(7)} ${show(found.value)}  (${found.from})` : '—       not found'}`

const ENCODING_NAMES = { unicode: 'Unicode', nfd: 'Unicode NFD → NFC', tcvn3: 'TCVN3 (ABC) → Unicode', vni: 'VNI → Unicode' }

const heldForReview = ({ outcome }: PageResult) => Boolean(outcome.review?.length) && outcome.status !== 'failed' && outcome.status !== 'unchanged'

function articleState(outcome: ImportOutcome): string {
  if (outcome.articleId === undefined) return ''
  const state = outcome.published ? 'published' : outcome.review?.length ? 'draft for review' : 'draft'
  return ` (article ${outcome.articleId}, ${state})`
}

/** What the importer found on one page, how sure it is, what it skipped, and what it did. */
export function describePage({ file, page, outcome }: PageResult, index: number, total: number): string {
  const lines = [`[${index}/${total}] ${file}: ${outcome.status}${articleState(outcome)}`]
  if (outcome.reason) lines.push(`  reason     ${outcome.reason}`)
  for (const reason of outcome.review ?? []) lines.push(`  review     ${reason}`)
  if (page) {
    lines.push(`  page       ${page.format.toUpperCase()}, portal ${page.portal}, encoding ${ENCODING_NAMES[page.encoding]} (${Math.round(page.encodingConfidence * 100)}% Vietnamese words)`)
    lines.push(field('title', page.title, (value) => `"${clip(value)}"`))
    lines.push(field('date', page.publishedAt, (value) => `${formatDateTime(value)} (UTC+7)`))
    lines.push(field('lead', page.lead, (value) => `"${clip(value, 50)}"`))
    const count = (kind: string) => page.body.filter((block) => block.kind === kind).length
    const photos = page.body.filter((block) => block.kind === 'photo')
    const captions = [...photos.map((block) => ('caption' in block ? block.caption : undefined)), ...page.body.map((block) => (block.kind === 'caption' ? block.text : undefined))].filter(Boolean)
    lines.push(`  body       ${count('paragraph')} paragraphs, ${count('heading')} subheadings, ${photos.length} photos, ${count('caption')} captions without a saved photo`)
    if (captions.length) lines.push(`  captions   ${captions.map((caption) => `"${clip(caption!, 40)}"`).join(', ')}`)
    lines.push(field('byline', page.byline, (value) => `"${value}"${outcome.author ? ` → ${outcome.author}` : ''}`))
    lines.push(field('source', page.source, (value) => `"${value}"`))
    lines.push(field('views', page.views, String))
    lines.push(`  footnotes  ${page.footnotes.length}`)
    lines.push(`  category   ${outcome.category ? `"${outcome.category.title}" (${outcome.category.from})` : page.breadcrumb.length ? `none matches breadcrumb "${page.breadcrumb.join(' > ')}"` : 'none'}`)
    if (outcome.media.created || outcome.media.reused) lines.push(`  media      ${outcome.media.created} imported, ${outcome.media.reused} reused`)
    for (const skipped of page.skipped) lines.push(`  skipped    ${skipped.reason}: "${skipped.text}"`)
  }
  return `${lines.join('\n')}\n`
}

/**
 * The counts of the run, then the pages that failed, then the articles --publish left as drafts
 * because their title or date is a guess. Those are counted apart from created and updated.
 */
export function summarise(results: PageResult[], target: ImportTarget): string {
  const review = results.filter(heldForReview)
  const by = (status: string) => results.filter((result) => result.outcome.status === status && !heldForReview(result)).length
  const counts = (target.dryRun ? ['would create', 'would update'] : ['created', 'updated']).map((status) => `${by(status)} ${status}`)
  if (target.publish && !target.publishAll) counts.push(`${review.length} ${target.dryRun ? 'would be ' : ''}drafts for review`)
  counts.push(`${by('unchanged')} unchanged`, `${by('failed')} failed`)
  const media = results.reduce((sum, result) => ({ created: sum.created + result.outcome.media.created, reused: sum.reused + result.outcome.media.reused }), { created: 0, reused: 0 })
  const lines = [
    `Summary${target.dryRun ? ' (dry run: nothing written)' : ''}: ${results.length} pages for site "${target.site.key}": ${counts.join(', ')}; ${media.created} photos imported, ${media.reused} reused.`,
  ]
  for (const result of results.filter((r) => r.outcome.status === 'failed')) lines.push(`  failed: ${result.file}: ${result.outcome.reason}`)
  if (review.length > 0) {
    lines.push(`Cần biên tập viên xem lại (${review.length} ${target.dryRun ? 'would be drafts' : 'drafts'}; --publish-all publishes them as they are):`)
    for (const { file, outcome } of review) {
      lines.push(`  ${file}${outcome.articleId !== undefined ? ` (article ${outcome.articleId})` : ''}: ${outcome.review!.join('; ')}`)
    }
  }
  return `${lines.join('\n')}\n`
}
