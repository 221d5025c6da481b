import { Parser } from 'htmlparser2'

/**
 * Saved portal pages to lines of text. The importer needs the text of block elements in order,
 * the images with their alt text, and a few hints (heading, lead, caption, breadcrumb); it drops
 * scripts, forms' controls and the portal's furniture (polls, weather, counters, share and
 * font-size bars, menus) by element and class names.
 */
export type ImageRef = { src: string; alt: string }

export type LineRole = 'title' | 'lead' | 'caption' | 'breadcrumb' | 'meta'

export type Line = {
  text: string
  heading?: number
  role?: LineRole
  /** The whole line is bold (b/strong): a lead or a subheading. */
  bold?: boolean
  /** The whole line is italic or centred: a caption below a photo. */
  italic?: boolean
  image?: ImageRef
}

export type HtmlPage = {
  lines: Line[]
  title?: string
  canonical?: string
  /** The publish time the page states in its own metadata (`article:published_time` …), as written. */
  published?: string
  portal: Portal
  dropped: string[]
}

export type Portal = 'sharepoint' | 'dotnetnuke' | 'liferay' | 'other'

const SKIP_CONTENT = new Set(['script', 'style', 'noscript', 'select', 'textarea', 'button', 'iframe', 'svg', 'object', 'template', 'nav', 'aside', 'footer', 'head', 'map'])
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'figure', 'figcaption', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tr', 'td', 'th', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'hr', 'form', 'center', 'pre', 'address',
])

/** Class or id names of furniture around an article on SharePoint, DotNetNuke and Liferay portals. */
const FURNITURE =
  /(^|[\s_-])(ms-ribbon|s4-ribbon\w*|ribbon\w*|poll\w*|vote|survey|binhchon|thamdo\w*|weather\w*|thoitiet|counter\w*|thongke\w*|statistic\w*|visitor\w*|online|share\w*|social\w*|sharing|fontsize|font-size|textsize|cochu|toolbar|tools|print\w*|menu\w*|navbar|navigation|topnav|quicklaunch|ms-quicklaunch\w*|sidebar|rightcol|leftcol|banner\w*|advert\w*|quangcao|related\w*|tinlienquan|lienquan|othernews|tinkhac|video\w*|comment\w*|footer\w*|copyright|login|search\w*|skiplink\w*|hidden)($|[\s_-])/i
const BREADCRUMB = /(breadcrumb|sitemappath|ms-sitemapdirectional|duongdan)/i
const TITLE = /(^|[\s_-])(title|tieude|tieu-de|headline|news-title|article-title|ms-pagetitle|pagetitle)($|[\s_-])/i
const LEAD = /(^|[\s_-])(sapo|lead|summary|tomtat|description|teaser|abstract|news-sapo)($|[\s_-])/i
const CAPTION = /(caption|chuthich|chu-thich|image-desc|imgdesc|photo-desc)/i
const ICON = /(icon|logo|spacer|blank\.|bullet|arrow|btn|button|print|email|facebook|zalo|twitter|rss|\.gif$)/i

export function detectPortal(html: string): Portal {
  if (/Skip Ribbon Commands|_layouts\/|SharePoint|ms-rtestate/i.test(html)) return 'sharepoint'
  if (/DotNetNuke|DNN_|dnn_ctr|\/Portals\/\d+\//i.test(html)) return 'dotnetnuke'
  if (/Liferay|portlet-|\/documents\/\d+\/|journal-content-article/i.test(html)) return 'liferay'
  return 'other'
}

/** `<meta>` names under which pages state their own publish time (Open Graph, schema.org, Dublin Core, CMS habits). */
const PUBLISHED_META = new Set(['article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'dc.date.issued', 'dcterms.issued', 'dc.date'])

type Open = { tag: string; skip: boolean; role?: LineRole; bold: boolean; italic: boolean }

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()
const headingLevel = (tag: string) => (tag.length === 2 && tag[0] === 'h' && tag[1]! >= '1' && tag[1]! <= '6' ? Number(tag[1]) : 0)

function roleOf(tag: string, names: string): LineRole | undefined {
  if (BREADCRUMB.test(names)) return 'breadcrumb'
  if (tag === 'figcaption' || tag === 'caption' || CAPTION.test(names)) return 'caption'
  if (TITLE.test(names)) return 'title'
  if (LEAD.test(names)) return 'lead'
  return undefined
}

function isIcon(attrs: Record<string, string>): boolean {
  const src = attrs.src ?? ''
  const width = Number(attrs.width)
  return !src || ICON.test(src) || (width > 0 && width < 60)
}

/**
 * The lines of a saved HTML page, in reading order, without furniture. htmlparser2 does the
 * parsing: old portals' markup (unclosed <p>, <font> soup, Word HTML, raw text in <script>)
 * and every named entity are its business; this walk only decides what is a line.
 */
export function htmlToLines(html: string): HtmlPage {
  const lines: Line[] = []
  const dropped: string[] = []
  const stack: Open[] = []
  const head: { title: string; inTitle: boolean; ogTitle?: string; canonical?: string; ogUrl?: string; savedFrom?: string; published?: string } = { title: '', inTitle: false }
  // Counters of open elements, so each piece of text is classified without walking the stack.
  let skipping = 0
  let bolds = 0
  let italics = 0
  let buffer = ''
  let lineBold = true
  let lineItalic = true
  let hasText = false

  const role = (): LineRole | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.role) return stack[i]!.role
    return undefined
  }
  const heading = (): number => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const level = headingLevel(stack[i]!.tag)
      if (level) return level
    }
    return 0
  }
  const flush = () => {
    const text = collapse(buffer)
    if (text && hasText) {
      const line: Line = { text }
      const level = heading()
      if (level) line.heading = level
      const lineRole = role()
      if (lineRole) line.role = lineRole
      if (lineBold) line.bold = true
      if (lineItalic) line.italic = true
      lines.push(line)
    }
    buffer = ''
    hasText = false
    lineBold = true
    lineItalic = true
  }
  const readHead = (tag: string, attrs: Record<string, string>) => {
    if (tag === 'link' && /(^|\s)canonical(\s|$)/i.test(attrs.rel ?? '') && attrs.href) head.canonical ??= attrs.href
    const name = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase()
    const content = attrs.content ?? attrs.datetime
    if (!content) return
    if (tag === 'meta' && name === 'og:title') head.ogTitle ??= content
    if (tag === 'meta' && name === 'og:url') head.ogUrl ??= content
    if ((tag === 'meta' || name === 'datepublished') && PUBLISHED_META.has(name)) head.published ??= content
  }

  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        readHead(tag, attrs)
        if (tag === 'title' && !head.title) head.inTitle = true
        if (tag === 'img') {
          if (skipping || isIcon(attrs)) return
          flush()
          lines.push({ text: '', image: { src: attrs.src!, alt: collapse(attrs.alt ?? attrs.title ?? '') } })
        } else if (BLOCK.has(tag)) flush()
        const names = `${attrs.class ?? ''} ${attrs.id ?? ''}`
        const style = attrs.style ?? ''
        const lineRole = roleOf(tag, names)
        const furniture = lineRole !== 'breadcrumb' && lineRole !== 'title' && FURNITURE.test(names)
        const skip = SKIP_CONTENT.has(tag) || /display\s*:\s*none/i.test(style) || furniture
        if (furniture && !skipping && !SKIP_CONTENT.has(tag)) dropped.push(`<${tag} ${names.trim()}>`)
        const open: Open = {
          tag,
          skip,
          role: lineRole,
          bold: tag === 'b' || tag === 'strong' || /font-weight\s*:\s*(bold|[6-9]00)/i.test(style),
          italic: tag === 'i' || tag === 'em' || /font-style\s*:\s*italic/i.test(style) || /text-align\s*:\s*center/i.test(style) || attrs.align === 'center',
        }
        stack.push(open)
        if (open.skip) skipping++
        if (open.bold) bolds++
        if (open.italic) italics++
      },
      onclosetag(tag) {
        if (tag === 'title') head.inTitle = false
        const index = stack.map((open) => open.tag).lastIndexOf(tag)
        if (index === -1) return
        if (BLOCK.has(tag) || stack.slice(index).some((open) => open.role)) flush()
        for (const open of stack.splice(index)) {
          if (open.skip) skipping--
          if (open.bold) bolds--
          if (open.italic) italics--
        }
      },
      ontext(text) {
        if (head.inTitle) head.title += text
        if (skipping) return
        if (text.trim()) {
          hasText = true
          if (!bolds) lineBold = false
          if (!italics) lineItalic = false
        }
        buffer += text
      },
      oncomment(comment) {
        head.savedFrom ??= /^\s*saved from url=\(\d+\)(\S+?)\s*$/i.exec(comment)?.[1]
      },
    },
    { decodeEntities: true },
  )
  parser.write(html)
  parser.end()
  flush()

  const title = collapse(head.ogTitle ?? head.title)
  return {
    lines,
    title: title || undefined,
    canonical: head.canonical ?? head.ogUrl ?? head.savedFrom,
    published: head.published,
    portal: detectPortal(html),
    dropped,
  }
}

/** Lines of a plain-text copy: one per non-empty line. */
export function textToLines(text: string): Line[] {
  return text
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/[\s\u00A0]+/g, ' ').trim())
    .filter(Boolean)
    .map((text) => ({ text }))
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype html|<html|<head|<body|<meta|<div|<table|<p[\s>])/i.test(text)
}
