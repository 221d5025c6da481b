/**
 * Saved portal pages to lines of text. A small tokenizer is enough here: the importer needs the
 * text of block elements in order, the images with their alt text, and a few hints (heading,
 * lead, caption, breadcrumb); it drops scripts, forms' controls and the portal's furniture
 * (polls, weather, counters, share and font-size bars, menus) by element and class names.
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

export type HtmlPage = { lines: Line[]; title?: string; canonical?: string; portal: Portal; dropped: string[] }

export type Portal = 'sharepoint' | 'dotnetnuke' | 'liferay' | 'other'

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])
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

const NAMED: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•', middot: '·', copy: '©', reg: '®', deg: '°',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Igrave: 'Ì', Iacute: 'Í',
  Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ', Ugrave: 'Ù', Uacute: 'Ú', Yacute: 'Ý',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', egrave: 'è', eacute: 'é', ecirc: 'ê', igrave: 'ì', iacute: 'í',
  ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ugrave: 'ù', uacute: 'ú', yacute: 'ý',
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole
    }
    return NAMED[name] ?? whole
  })
}

function attributes(source: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const match of source.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    result[match[1]!.toLowerCase()] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '')
  }
  return result
}

export function detectPortal(html: string): Portal {
  if (/Skip Ribbon Commands|_layouts\/|SharePoint|ms-rtestate/i.test(html)) return 'sharepoint'
  if (/DotNetNuke|DNN_|dnn_ctr|\/Portals\/\d+\//i.test(html)) return 'dotnetnuke'
  if (/Liferay|portlet-|\/documents\/\d+\/|journal-content-article/i.test(html)) return 'liferay'
  return 'other'
}

type Open = { tag: string; skip: boolean; role?: LineRole; bold: boolean; italic: boolean }

/** The lines of a saved HTML page, in reading order, without furniture. */
export function htmlToLines(html: string): HtmlPage {
  const portal = detectPortal(html)
  const savedFrom = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html)?.[1]
  const canonical =
    /<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)/i.exec(html)?.[1] ??
    /<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)/i.exec(html)?.[1] ??
    savedFrom
  const documentTitle = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]
  const ogTitle = /<meta[^>]+property=["']og:title["'][^>]*content=["']([^"']+)/i.exec(html)?.[1]

  const lines: Line[] = []
  const dropped: string[] = []
  const stack: Open[] = []
  let buffer = ''
  let lineBold = true
  let lineItalic = true
  let hasText = false

  const skipping = () => stack.some((open) => open.skip)
  const role = (): LineRole | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.role) return stack[i]!.role
    return undefined
  }
  const heading = (): number | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const match = /^h([1-6])$/.exec(stack[i]!.tag)
      if (match) return Number(match[1])
    }
    return undefined
  }
  const flush = () => {
    const text = buffer.replace(/\s+/g, ' ').trim()
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

  const tokens = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\/?([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+|<)/g
  for (const match of html.matchAll(tokens)) {
    const [whole, rawTag, rawAttributes, text] = match
    if (text !== undefined) {
      if (skipping()) continue
      const decoded = decodeEntities(text)
      if (decoded.trim()) {
        hasText = true
        const inBold = stack.some((open) => open.bold)
        const inItalic = stack.some((open) => open.italic)
        if (!inBold) lineBold = false
        if (!inItalic) lineItalic = false
      }
      buffer += decoded
      continue
    }
    if (!rawTag) continue
    const tag = rawTag.toLowerCase()
    const closing = whole[1] === '/'
    if (closing) {
      const index = stack.map((open) => open.tag).lastIndexOf(tag)
      if (index === -1) continue
      if (BLOCK.has(tag) || stack.slice(index).some((open) => open.role)) flush()
      stack.length = index
      continue
    }
    const attrs = attributes(rawAttributes ?? '')
    if (tag === 'img') {
      if (skipping()) continue
      const src = attrs.src ?? ''
      const small = Number(attrs.width) > 0 && Number(attrs.width) < 60
      if (!src || ICON.test(src) || small) continue
      flush()
      lines.push({ text: '', image: { src, alt: (attrs.alt ?? attrs.title ?? '').replace(/\s+/g, ' ').trim() } })
      continue
    }
    if (BLOCK.has(tag)) flush()
    if (VOID.has(tag) || whole.endsWith('/>')) continue
    const names = `${attrs.class ?? ''} ${attrs.id ?? ''}`
    const style = attrs.style ?? ''
    let lineRole: LineRole | undefined
    if (BREADCRUMB.test(names)) lineRole = 'breadcrumb'
    else if (tag === 'figcaption' || tag === 'caption' || CAPTION.test(names)) lineRole = 'caption'
    else if (TITLE.test(names)) lineRole = 'title'
    else if (LEAD.test(names)) lineRole = 'lead'
    const skip =
      SKIP_CONTENT.has(tag) ||
      /display\s*:\s*none/i.test(style) ||
      (lineRole !== 'breadcrumb' && lineRole !== 'title' && FURNITURE.test(names))
    if (skip && !skipping() && !SKIP_CONTENT.has(tag) && FURNITURE.test(names)) dropped.push(`<${tag} ${names.trim()}>`)
    stack.push({
      tag,
      skip,
      role: lineRole,
      bold: tag === 'b' || tag === 'strong' || /font-weight\s*:\s*(bold|[6-9]00)/i.test(style),
      italic: tag === 'i' || tag === 'em' || /font-style\s*:\s*italic/i.test(style) || /text-align\s*:\s*center/i.test(style) || attrs.align === 'center',
    })
  }
  flush()

  const title = ogTitle ?? documentTitle
  return {
    lines,
    title: title ? decodeEntities(title).replace(/\s+/g, ' ').trim() : undefined,
    canonical: canonical ? decodeEntities(canonical) : undefined,
    portal,
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
