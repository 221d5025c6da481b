import type { ImageRef, Line } from './html.ts'

import { contextYear, parseHeaderDate, parseMetadataDate, parsePostedDate, parseSharePointDate, parseTextDate, type FoundDate } from './dates.ts'
import { isFurniture } from './furniture.ts'

/**
 * From the lines of a legacy page to the parts of an article. Each field says where it came from
 * and how sure the importer is; whatever is dropped is listed with its reason.
 */
export type Confidence = 'high' | 'medium' | 'low'
export type Found<T> = { value: T; confidence: Confidence; from: string }

export type BodyBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'photo'; image: ImageRef; caption?: string }
  /** A caption line in a text copy, whose photo was not saved. */
  | { kind: 'caption'; text: string }

export type Extracted = {
  title?: Found<string>
  publishedAt?: Found<Date>
  lead?: Found<string>
  body: BodyBlock[]
  byline?: Found<string>
  source?: Found<string>
  views?: Found<number>
  footnotes: string[]
  breadcrumb: string[]
  skipped: { text: string; reason: string }[]
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length
const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** Lines that are portal furniture wherever they appear. */
const FURNITURE_LINES: [RegExp, string][] = [
  [/^skip (ribbon commands|to main content|navigation links)$/i, 'SharePoint ribbon'],
  [/^[A-Za-z]+(_[A-Za-z0-9]+)+$/, 'portal control name'],
  [/^(mặc định\s*)?(cỡ chữ|kích thước chữ)(?!\p{L}).{0,30}$/iu, 'font-size bar'],
  [/^(trang chủ|sơ đồ (trang|site)|liên hệ|đăng nhập|tìm kiếm|english)([\s|/-]+(trang chủ|sơ đồ (trang|site)|liên hệ|đăng nhập|tìm kiếm|english))*$/iu, 'menu'],
  [/^(mã xác nhận|biểu quyết|bình chọn|xem kết quả)$/iu, 'poll'],
  [/^hiện (đang )?có \d+.*online/iu, 'visit counter'],
  [/^(đang online|hôm nay|hôm qua|tuần này|tháng này|tháng|năm|tổng|tổng (số )?lượt truy cập)\s*:?\s*[\d.,]+$/iu, 'visit counter'],
  [/^[\s\-–—|•·»>]+$/u, 'separator'],
]

/** Boxes that start with a heading and run for a few short lines. */
const FURNITURE_BOXES: { start: RegExp; end: RegExp; max: number; reason: string }[] = [
  { start: /^thăm dò ý kiến/iu, end: /^(mã xác nhận|biểu quyết|bình chọn|xem kết quả|gửi)$/iu, max: 12, reason: 'poll' },
  { start: /^dự báo thời tiết/iu, end: /^(ngày \d{4}-\d{2}-\d{2}|cập nhật lúc.*\d{4}.*)$/iu, max: 12, reason: 'weather box' },
  { start: /^thống kê truy cập/iu, end: /tổng.*truy cập|lượt truy cập/iu, max: 8, reason: 'visit counter' },
]

/** Once the article has begun, these lines end it: what follows belongs to the portal. */
const END_OF_ARTICLE =
  /^((in|in bài viết)\s+)?quay (trở )?lại(?!\p{L})|^(tin|các tin|bài) (video|liên quan|khác|cùng chuyên mục|mới|đã đưa)(?!\p{L})|^(các )?tin (bài )?khác(?!\p{L})|^thông báo$|^thăm dò ý kiến|^dự báo thời tiết|^thống kê truy cập|^ý kiến (bạn đọc|của bạn)|^bình luận(?!\p{L})|^gửi (ý kiến|bình luận)|^(xem thêm|tin nổi bật|tin đọc nhiều)$/iu

const VIEWS = /(?:số\s+)?lượt\s+(?:xem|truy cập|đọc)\s*:?\s*([\d.,]+)/iu
const AUTHOR = /^(?:tác giả|người viết|bài(?: và ảnh)?|tin(?: và ảnh)?|phóng viên|ptv|btv)\s*:\s*(.+)$/iu
const SOURCE = /^(?:nguồn(?: tin)?|theo)\s*:\s*(.+)$/iu
const FOOTNOTE = /^\[(\d{1,3})\]\s*(.+)$/u
const BREADCRUMB_SEPARATORS = /\s*(?:>|»|›|\/|\\|→|::)\s*/u
/** "Bạn đang ở: Trang chủ > Tin tức": the words some portals put before their breadcrumb. */
const BREADCRUMB_PREFIX = /^(?:bạn đang ở|vị trí|you are here)\s*:\s*/iu
const ENDS_SENTENCE = /[.;:!?…"”)]$/u

function isCaptionLike(text: string): boolean {
  return words(text) <= 14 && text.length <= 110 && !ENDS_SENTENCE.test(text) && /^[\p{Lu}"“(]/u.test(text)
}

function isSignature(text: string): boolean {
  return words(text) <= 8 && text.length <= 70 && !/[.;!?…]$/u.test(text) && /^[\p{Lu}(]/u.test(text) && !/\d{3,}/.test(text)
}

/** What any title looks like, wherever it was found: no menu separators, not a toolbar. */
function readsAsTitle(text: string, minWords: number): boolean {
  const count = words(text)
  return count >= minWords && count <= 60 && text.length <= 300 && !text.includes('|') && !isFurniture(text)
}

function isTitleLike(line: Line): boolean {
  return !line.image && readsAsTitle(line.text, 4) && !/[.:?]$/.test(line.text)
}

/** A line of running text: a lead or a paragraph, not another short line. */
function isParagraph(line: Line): boolean {
  const count = words(line.text)
  return !line.image && (count >= 25 || (count >= 10 && /[.!?…]$/u.test(line.text)))
}

/**
 * The text after a title candidate begins at once: the next line, past photos with their
 * captions and meta lines (date, views), is a paragraph. A site's name or a slogan above the
 * title is followed by the title instead.
 */
function continuedByText(lines: Line[], index: number): boolean {
  for (let i = index + 1; i < lines.length; i++) {
    const line = lines[i]!
    if (line.image) {
      if (lines[i + 1] && (lines[i + 1]!.italic || lines[i + 1]!.role === 'caption' || isCaptionLike(lines[i + 1]!.text))) i++
      continue
    }
    if (isMetaOnly(line.text)) continue
    return isParagraph(line)
  }
  return false
}

function isMetaOnly(text: string): boolean {
  return collectMeta(text, [], { body: [], footnotes: [], breadcrumb: [], skipped: [] }) === 'whole'
}

type TitleChoice = { index: number; confidence: Confidence; from: string }

/**
 * The title line: an h1, a title element, the line the document title names, the line above
 * "Ngày đăng", else a title-like line. Of several title-like lines the first the text goes on
 * from wins; when none is followed by the text, the first is only a guess (`low`).
 */
function findTitle(lines: Line[], documentTitle?: string): TitleChoice | undefined {
  const h1 = lines.findIndex((line) => line.heading === 1 && readsAsTitle(line.text, 3))
  if (h1 !== -1) return { index: h1, confidence: 'high', from: 'h1 heading' }
  const roles = lines.map((line, index) => ({ line, index })).filter(({ line }) => line.role === 'title' && isTitleLike(line))
  if (roles.length > 0) {
    const longest = roles.reduce((best, next) => (words(next.line.text) > words(best.line.text) ? next : best))
    return { index: longest.index, confidence: 'high', from: 'title element' }
  }
  if (documentTitle) {
    const wanted = documentTitle.toLowerCase()
    const named = lines.findIndex((line) => line.text.length >= 10 && readsAsTitle(line.text, 1) && wanted.includes(line.text.toLowerCase()))
    if (named !== -1) return { index: named, confidence: 'high', from: 'page title' }
  }
  const posted = lines.findIndex((line) => parsePostedDate(line.text) || parseSharePointDate(line.text))
  if (posted > 0 && isTitleLike(lines[posted - 1]!)) return { index: posted - 1, confidence: 'high', from: 'line above the date' }
  // A title has text after it: a line of 25 words or more somewhere below.
  const lastLong = lines.findLastIndex((line) => words(line.text) >= 25)
  const candidates = lines
    .map((_, index) => index)
    .filter((index) => index < lastLong && isTitleLike(lines[index]!) && !parseHeaderDate(lines[index]!.text))
  const continued = candidates.find((index) => continuedByText(lines, index))
  if (continued !== undefined) return { index: continued, confidence: 'medium', from: 'title-like line followed by the text' }
  if (candidates.length > 0) return { index: candidates[0]!, confidence: 'low', from: 'first title-like line, not followed by the text' }
  return undefined
}

function breadcrumbOf(text: string): string[] | undefined {
  const parts = text.replace(BREADCRUMB_PREFIX, '').split(BREADCRUMB_SEPARATORS).map((part) => part.trim()).filter(Boolean)
  if (parts.length < 2 || !/^(trang chủ|home|trang nhất)$/iu.test(parts[0]!)) return undefined
  return parts.slice(1)
}

export function extractArticle(input: Line[], hints: { documentTitle?: string; published?: string } = {}): Extracted {
  const result: Extracted = { body: [], footnotes: [], breadcrumb: [], skipped: [] }
  const skip = (text: string, reason: string) => result.skipped.push({ text: clip(text), reason })

  // 1. Furniture that can be told by its own words.
  const lines: Line[] = []
  for (let i = 0; i < input.length; i++) {
    const line = input[i]!
    const box = FURNITURE_BOXES.find((candidate) => candidate.start.test(line.text))
    if (box && !line.image) {
      let end = i
      for (let j = i + 1; j < Math.min(input.length, i + box.max); j++) {
        if (box.end.test(input[j]!.text)) {
          end = j
          break
        }
      }
      if (end > i || i > input.length - box.max) {
        skip(line.text, box.reason)
        i = end > i ? end : input.length
        continue
      }
    }
    const furniture = FURNITURE_LINES.find(([pattern]) => pattern.test(line.text))
    if (furniture && !line.image) {
      skip(line.text, furniture[1])
      continue
    }
    if (line.role === 'breadcrumb' || (!line.image && breadcrumbOf(line.text))) {
      const parts = breadcrumbOf(line.text) ?? line.text.split(BREADCRUMB_SEPARATORS).filter(Boolean)
      if (result.breadcrumb.length === 0) result.breadcrumb = parts.filter((part) => !/^(trang chủ|home)$/iu.test(part))
      skip(line.text, 'breadcrumb (used for the category)')
      continue
    }
    // After the breadcrumb, whose "Trang chủ" is an interface word too.
    if (line.image && line.image.alt && isFurniture(line.image.alt)) {
      skip(line.image.alt, 'toolbar button image')
      continue
    }
    // "Quay lại" after the text ends the article (step 4); elsewhere a toolbar is only skipped.
    if (!line.image && isFurniture(line.text) && !END_OF_ARTICLE.test(line.text)) {
      skip(line.text, 'toolbar (interface words)')
      continue
    }
    lines.push(line)
  }

  // 2. The title.
  const title = findTitle(lines, hints.documentTitle)
  const titleIndex = title?.index ?? -1
  if (title) result.title = { value: lines[title.index]!.text, confidence: title.confidence, from: title.from }

  // 3. Meta lines around the title: dates, views, author, source.
  const dates: FoundDate[] = []
  const before = titleIndex === -1 ? [] : lines.slice(0, titleIndex)
  for (const line of before) {
    collectMeta(line.text, dates, result)
    skip(line.text, 'before the title')
  }
  const rest = titleIndex === -1 ? lines : lines.slice(titleIndex + 1)

  // 4. The article body, up to the first line that belongs to the portal again.
  const content: Line[] = []
  let previous = ''
  for (let i = 0; i < rest.length; i++) {
    const line = rest[i]!
    if (!line.image && END_OF_ARTICLE.test(line.text)) {
      if (isFurniture(line.text) && !content.some((kept) => !kept.image)) {
        // A "Quay lại | In bài" bar between the title and the text, not the end of the text.
        skip(line.text, 'toolbar (interface words)')
        continue
      }
      for (const dropped of rest.slice(i)) if (dropped.text) skip(dropped.text, 'after the article (portal furniture)')
      break
    }
    if (!line.image && line.text === previous) {
      skip(line.text, 'repeated line (alt text of a photo)')
      continue
    }
    previous = line.text
    if (line.image) {
      content.push(line)
      continue
    }
    const meta = collectMeta(line.text, dates, result)
    if (meta === 'whole') continue
    content.push(meta === 'none' ? line : { ...line, text: meta })
  }

  // 5. The tail: footnotes and the signature.
  while (content.length > 0) {
    const last = content[content.length - 1]!
    const footnote = !last.image && FOOTNOTE.exec(last.text)
    if (footnote) {
      result.footnotes.unshift(footnote[2]!.trim())
      content.pop()
      continue
    }
    break
  }
  const last = content[content.length - 1]
  if (last && !last.image && content.length > 1 && isSignature(last.text) && !result.byline) {
    result.byline = { value: last.text, confidence: 'medium', from: 'signature at the end' }
    content.pop()
  }
  // Footnotes may also sit before the signature.
  for (let i = content.length - 1; i >= 0; i--) {
    const footnote = !content[i]!.image && FOOTNOTE.exec(content[i]!.text)
    if (!footnote) break
    result.footnotes.unshift(footnote[2]!.trim())
    content.splice(i, 1)
  }

  // 6. Lead, photos with captions, paragraphs.
  let leadTaken = false
  const paragraphs = content.filter((line) => !line.image && !isCaptionLike(line.text))
  for (let i = 0; i < content.length; i++) {
    const line = content[i]!
    if (line.image) {
      const next = content[i + 1]
      const nextIsCaption =
        next && !next.image && (next.role === 'caption' || next.italic || next.text === line.image.alt || isCaptionLike(next.text)) && words(next.text) <= 40
      const caption = nextIsCaption ? next.text : line.image.alt && isCaptionLike(line.image.alt) ? line.image.alt : undefined
      result.body.push({ kind: 'photo', image: line.image, caption })
      if (nextIsCaption) i++
      continue
    }
    if (!leadTaken && !result.lead && result.body.every((block) => block.kind === 'photo')) {
      leadTaken = true
      const marked = line.role === 'lead' || line.bold
      const summarises = line.text.length <= 600 && words(line.text) >= 8 && paragraphs.length >= 3
      if (marked || summarises) {
        result.lead = {
          value: line.text,
          confidence: marked ? 'high' : 'medium',
          from: line.role === 'lead' ? 'lead element' : line.bold ? 'bold first paragraph' : 'first paragraph',
        }
        continue
      }
    }
    if (line.role === 'caption' || (isCaptionLike(line.text) && i > 0 && i < content.length - 1 && !line.heading && !line.bold)) {
      result.body.push({ kind: 'caption', text: line.text })
      continue
    }
    if ((line.heading && line.heading > 1) || (line.bold && words(line.text) <= 20 && !ENDS_SENTENCE.test(line.text))) {
      result.body.push({ kind: 'heading', text: line.text })
      continue
    }
    result.body.push({ kind: 'paragraph', text: line.text })
  }

  // 7. The publish date: the page's own "Ngày đăng", SharePoint's date, the page's metadata, the portal header, then the text.
  const metadata = hints.published ? parseMetadataDate(hints.published) : null
  if (metadata) dates.push(metadata)
  const order: FoundDate['kind'][] = ['posted', 'sharepoint', 'metadata', 'header']
  const best = order.map((kind) => dates.find((date) => date.kind === kind)).find(Boolean)
  if (best) {
    // A portal header prints the day the page was shown, which is the publish day only for pages saved that day.
    const confidence: Confidence = best.kind === 'header' ? 'medium' : 'high'
    result.publishedAt = { value: best.date, confidence, from: `"${best.text}"` }
  } else {
    const texts = [result.lead?.value, ...result.body.map((block) => ('text' in block ? block.text : ''))].filter(Boolean).join('\n')
    const year = contextYear(`${result.title?.value ?? ''}\n${texts}`)
    const found = parseTextDate(texts, year)
    // Running text cites other dates too (the plan an event carries out): only a guess.
    if (found) result.publishedAt = { value: found.date, confidence: 'low', from: `first date in the text, "${found.text}"` }
  }
  return result
}

/**
 * Takes dates, views, author and source out of a line. Returns 'whole' when nothing else is
 * left of the line, 'none' when it held no meta, or what remains of the line.
 */
function collectMeta(text: string, dates: FoundDate[], result: Extracted): 'whole' | 'none' | string {
  let remaining = text
  const posted = parsePostedDate(remaining)
  if (posted) {
    dates.push(posted)
    remaining = remaining.replace(posted.text, ' ')
  }
  const sharePoint = !posted && parseSharePointDate(remaining)
  if (sharePoint && remaining.length <= sharePoint.text.length + 40) {
    dates.push(sharePoint)
    remaining = remaining.replace(sharePoint.text, ' ')
  }
  const header = parseHeaderDate(remaining)
  if (header && remaining.length <= header.text.length + 20) {
    dates.push(header)
    remaining = remaining.replace(header.text, ' ')
  }
  const views = VIEWS.exec(remaining)
  if (views && remaining.length <= views[0].length + 40) {
    const value = Number(views[1]!.replace(/[.,]/g, ''))
    if (Number.isFinite(value) && !result.views) result.views = { value, confidence: 'high', from: `"${views[0].trim()}"` }
    remaining = remaining.replace(views[0], ' ')
  }
  const author = AUTHOR.exec(remaining.trim())
  if (author && words(author[1]!) <= 10) {
    result.byline = { value: author[1]!.trim(), confidence: 'high', from: `"${clip(remaining.trim(), 40)}"` }
    return 'whole'
  }
  const source = SOURCE.exec(remaining.trim())
  if (source && words(source[1]!) <= 12) {
    result.source = { value: source[1]!.trim(), confidence: 'high', from: `"${clip(remaining.trim(), 40)}"` }
    return 'whole'
  }
  if (remaining === text) return 'none'
  const left = remaining.replace(/\s+/g, ' ').replace(/^[\s|,-]+|[\s|,-]+$/g, '').trim()
  return left.length === 0 || /^[\p{P}\s]*$/u.test(left) ? 'whole' : left
}
