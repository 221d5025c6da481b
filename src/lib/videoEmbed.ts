/** Where the iframes of `toEmbedUrl` point: the public pages' CSP allows frames from these only. */
export const EMBED_ORIGINS = ['https://www.youtube-nocookie.com', 'https://www.facebook.com']

/** The iframe address for a supported platform link, or undefined for anything else. */
export function toEmbedUrl(link: string): string | undefined {
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:') return undefined
  const host = url.hostname.replace(/^www\.|^m\./, '')
  if (host === 'youtube.com' && url.searchParams.get('v')) return `https://www.youtube-nocookie.com/embed/${encodeURIComponent(url.searchParams.get('v')!)}`
  if (host === 'youtu.be' && url.pathname.length > 1) return `https://www.youtube-nocookie.com/embed/${encodeURIComponent(url.pathname.slice(1))}`
  if (host === 'facebook.com' && /\/videos?\//.test(url.pathname)) {
    return `https://www.facebook.com/plugins/video.php?href=${encodeURIComponent(url.toString())}`
  }
  return undefined
}
