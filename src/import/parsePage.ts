import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Extracted } from './extract.ts'

import { foldVietnamese } from '../lib/vietnamese.ts'
import { bytesToText, decodeVietnamese, tcvn3ToUnicode, vniToUnicode, type TextEncoding } from './encodings.ts'
import { extractArticle } from './extract.ts'
import { htmlToLines, looksLikeHtml, textToLines, type Line, type Portal } from './html.ts'
import { DEFAULT_LIMITS, megabytes, readLimited, realPathInside, type ReadLimits } from './localFiles.ts'

/** Below this share of well-formed Vietnamese words a page is reported, not imported as mojibake. */
export const MIN_ENCODING_CONFIDENCE = 0.9

export type PageImage = { src: string; data?: Buffer; mimetype?: string; hash?: string; missing?: string }

export type ParsedPage = Extracted & {
  file: string
  format: 'html' | 'text'
  portal: Portal
  encoding: TextEncoding
  encodingConfidence: number
  sourceUrl?: string
  /** Identity of the article when the page has no address: folded title and publish minute. */
  fingerprint?: string
  images: Map<string, PageImage>
  /** Why the page cannot be imported; empty when it can. */
  problems: string[]
}

const IMAGE_TYPES: [string, (bytes: Buffer) => boolean][] = [
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8],
  ['image/png', (b) => b.subarray(0, 4).toString('latin1') === '\x89PNG'],
  ['image/gif', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  ['image/webp', (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'],
]

const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex')

/** Converts every line with the converter of the page's encoding; a mixed page line by line. */
function decodeLines(lines: Line[], title: string | undefined): { lines: Line[]; title?: string; encoding: TextEncoding; confidence: number } {
  const all = [title ?? '', ...lines.map((line) => `${line.text} ${line.image?.alt ?? ''}`)].join('\n')
  const page = decodeVietnamese(all)
  const convert =
    page.encoding === 'tcvn3' ? tcvn3ToUnicode : page.encoding === 'vni' ? vniToUnicode : (text: string) => text.normalize('NFC')
  const mapLine = (line: Line, fn: (text: string) => string): Line => ({
    ...line,
    text: fn(line.text),
    ...(line.image ? { image: { ...line.image, alt: fn(line.image.alt) } } : {}),
  })
  if (page.confidence >= MIN_ENCODING_CONFIDENCE) {
    return { lines: lines.map((line) => mapLine(line, convert)), title: title && convert(title), encoding: page.encoding, confidence: page.confidence }
  }
  // Portals often print their menus in Unicode around an article typed in a legacy font.
  const perLine = (text: string) => (text.length >= 2 ? decodeVietnamese(text).text : text.normalize('NFC'))
  const mixed = lines.map((line) => mapLine(line, perLine))
  const check = decodeVietnamese(mixed.map((line) => line.text).join('\n'))
  return check.confidence > page.confidence
    ? { lines: mixed, title: title && perLine(title), encoding: page.encoding, confidence: check.confidence }
    : { lines: lines.map((line) => mapLine(line, convert)), title, encoding: page.encoding, confidence: page.confidence }
}

/** The files an image reference may name, most likely first: beside the page or in "<page>_files/". */
function imageCandidates(file: string, src: string): string[] {
  const dir = path.dirname(file)
  const clean = src.split(/[?#]/)[0]!
  let local = clean
  try {
    local = decodeURIComponent(/^[a-z]+:\/\//i.test(clean) ? new URL(clean).pathname : clean)
  } catch {
    // keep the raw path
  }
  const base = path.basename(local)
  const pageFiles = `${path.basename(file).replace(/\.[^.]+$/, '')}_files`
  return /^([a-z]+:)?\/\//i.test(clean) || local.startsWith('/')
    ? [path.join(dir, pageFiles, base), path.join(dir, base)]
    : [path.resolve(dir, local), path.join(dir, pageFiles, base)]
}

/**
 * Where a saved page keeps an image: beside it, in "<page>_files/", or inline as a data: URI.
 * A file is read only when its real path (links followed) is inside the page's folder and it
 * is no larger than the limit.
 */
async function loadImage(file: string, src: string, maxBytes: number): Promise<PageImage> {
  const data = /^data:(image\/[a-z+]+);base64,(.+)$/i.exec(src)
  let bytes: Buffer | undefined
  let refused: string | undefined
  if (data) {
    const size = Math.floor((data[2]!.length * 3) / 4)
    if (size > maxBytes) return { src, missing: `inline image of ${megabytes(size)}, larger than the ${megabytes(maxBytes)} limit` }
    bytes = Buffer.from(data[2]!, 'base64')
  } else {
    for (const candidate of imageCandidates(file, src)) {
      const real = await realPathInside(path.dirname(file), candidate)
      if (!real) {
        if (await exists(candidate)) refused = 'image file lies outside the page\'s folder: not read'
        continue
      }
      const read = await readLimited(real, maxBytes).catch(() => undefined)
      if (read && 'problem' in read) return { src, missing: `image file ${read.problem}` }
      bytes = read?.bytes
      if (bytes) break
    }
  }
  if (!bytes) return { src, missing: refused ?? 'image file not saved with the page' }
  const type = IMAGE_TYPES.find(([, test]) => test(bytes))
  if (!type) return { src, missing: 'not a JPEG, PNG, GIF or WebP image' }
  return { src, data: bytes, mimetype: type[0], hash: sha256(bytes) }
}

const exists = (file: string) => fs.realpath(file).then(() => true, () => false)

/** What is reported for a page that cannot be read at all. */
function unreadPage(file: string, problem: string): ParsedPage {
  return { file, format: 'text', portal: 'other', encoding: 'unicode', encodingConfidence: 0, body: [], footnotes: [], breadcrumb: [], skipped: [], images: new Map(), problems: [problem] }
}

/** Reads one saved page (HTML or a plain-text copy) and extracts its article. No database. */
export async function parsePage(file: string, limits: Partial<ReadLimits> = {}): Promise<ParsedPage> {
  const { pageBytes, imageBytes } = { ...DEFAULT_LIMITS, ...limits }
  const read = await readLimited(file, pageBytes)
  if ('problem' in read) return unreadPage(file, `page file ${read.problem}`)
  const raw = bytesToText(read.bytes)
  const html = looksLikeHtml(raw)
  const source = html ? htmlToLines(raw) : { lines: textToLines(raw), title: undefined, canonical: undefined, published: undefined, portal: 'other' as Portal, dropped: [] }
  const portal = html ? source.portal : /Skip Ribbon Commands/i.test(raw) ? 'sharepoint' : 'other'
  const decoded = decodeLines(source.lines, source.title)
  const problems: string[] = []
  if (decoded.confidence < MIN_ENCODING_CONFIDENCE) {
    problems.push(`text cannot be decoded confidently (${decoded.encoding}, ${Math.round(decoded.confidence * 100)}% of the accented words read as Vietnamese)`)
  }
  const extracted = extractArticle(decoded.lines, { documentTitle: decoded.title, published: source.published })
  extracted.skipped.unshift(...source.dropped.map((element) => ({ text: element.slice(0, 60), reason: 'portal furniture element' })))
  if (!extracted.title) problems.push('no title found')
  if (!extracted.publishedAt) problems.push('no publish date found')
  if (!extracted.body.some((block) => block.kind === 'paragraph') && !extracted.lead) problems.push('no article text found')

  const images = new Map<string, PageImage>()
  for (const block of extracted.body) {
    if (block.kind !== 'photo' || images.has(block.image.src)) continue
    const image = await loadImage(path.resolve(file), block.image.src, imageBytes)
    images.set(block.image.src, image)
    if (image.missing) extracted.skipped.push({ text: block.image.src.slice(0, 60), reason: image.missing })
  }

  const fingerprint =
    extracted.title && extracted.publishedAt
      ? sha256(`${foldVietnamese(extracted.title.value).replace(/[^a-z0-9]+/g, ' ').trim()}|${extracted.publishedAt.value.toISOString().slice(0, 16)}`)
      : undefined
  return {
    ...extracted,
    file,
    format: html ? 'html' : 'text',
    portal,
    encoding: decoded.encoding,
    encodingConfidence: decoded.confidence,
    sourceUrl: source.canonical,
    fingerprint,
    images,
    problems,
  }
}
