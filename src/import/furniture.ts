/**
 * Portal furniture told by what it is made of. Toolbars differ from portal to portal in order,
 * spelling and separators ("A- A+ | Chia sẻ: Facebook Twitter Zalo", "Cỡ chữ: A A A | In bài |
 * Gửi email", "Tăng tương phản Giảm tương phản"), so no list of exact lines covers them; what
 * they share is that nearly all their words are interface words.
 */

/** Words and phrases of portal interfaces: font size, sharing, printing, contrast, navigation. */
const INTERFACE_PHRASES = [
  // font size
  'a-', 'a+', 'a', 'aa', 'a−', 'cỡ chữ', 'cỡ', 'chữ', 'kích thước chữ', 'mặc định', 'phóng to', 'thu nhỏ',
  // sharing
  'chia sẻ', 'share', 'like', 'tweet', 'facebook', 'twitter', 'zalo', 'google+', 'g+', 'linkedin', 'email', 'e-mail',
  'gửi email', 'gửi e-mail', 'gửi bài', 'gửi', 'bookmark', 'lưu', 'lưu bài', 'lưu tin', 'sao chép liên kết', 'copy link', 'rss',
  // printing
  'in', 'in bài', 'in bài viết', 'in trang', 'bản in', 'print',
  // contrast
  'tương phản', 'tăng tương phản', 'giảm tương phản', 'độ tương phản',
  // navigation and breadcrumbs
  'quay lại', 'quay trở lại', 'trở lại', 'trở về', 'về đầu trang', 'lên đầu trang', 'đầu trang', 'trang chủ', 'bạn đang ở',
  // listening
  'nghe đọc bài', 'nghe bài viết',
]

/** Words that join interface words ("Chia sẻ bài viết qua Zalo") and count for neither side. */
const NEUTRAL = new Set(['bài viết', 'bài', 'này', 'tin', 'qua', 'lên', 'cho', 'và'])

/** Share of a line's counted words that must be interface words for it to be furniture. */
const FURNITURE_SHARE = 0.7

const phrasesByFirstWord = new Map<string, string[][]>()
for (const phrase of [...INTERFACE_PHRASES, ...NEUTRAL]) {
  const words = phrase.split(' ')
  const list = phrasesByFirstWord.get(words[0]!) ?? []
  list.push(words)
  phrasesByFirstWord.set(words[0]!, list)
}
for (const list of phrasesByFirstWord.values()) list.sort((a, b) => b.length - a.length)

/**
 * Words of a line, lower-case, cut at spaces and at the separators toolbars use (| • · , ; : [ ] ( ) > »).
 * A slash or colon between digits stays: "25/07/2020" and "10:18" are one word each.
 */
function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s|•·,;()[\]»›>]+|(?<!\d)[/:]|[/:](?!\d)/u)
    .filter((token) => token && !/^[-–—.]+$/u.test(token))
}

/** How many of a line's words are interface words, and how many are other words; numbers count for neither. */
export function interfaceWords(text: string): { interface: number; other: number } {
  const words = tokens(text)
  let ui = 0
  let other = 0
  for (let i = 0; i < words.length; ) {
    const phrase = phrasesByFirstWord.get(words[i]!)?.find((candidate) => candidate.every((word, k) => words[i + k] === word))
    if (phrase) {
      if (!NEUTRAL.has(phrase.join(' '))) ui += phrase.length
      i += phrase.length
      continue
    }
    // Counters beside share buttons ("Like 12") say nothing either way.
    if (!/^\d+$/.test(words[i]!)) other++
    i++
  }
  return { interface: ui, other }
}

/** Toolbars are short: a longer line is text, and is not taken apart word by word. */
const MAX_TOOLBAR_LENGTH = 200

/** A line (or an image's alt text) made mostly of interface words: a toolbar, never article text. */
export function isFurniture(text: string): boolean {
  if (text.length > MAX_TOOLBAR_LENGTH) return false
  const count = interfaceWords(text)
  return count.interface > 0 && count.interface >= FURNITURE_SHARE * (count.interface + count.other)
}
