/**
 * Vietnamese text helpers. Text is stored in Unicode NFC; search and slugs use an ASCII
 * folding in which Đ/đ become D/d explicitly (Unicode decomposition leaves them alone).
 */

export function toNFC(text: string): string {
  return text.normalize('NFC')
}

/** "Hội nghị Đảng bộ tỉnh Điện Biên" → "hoi nghi dang bo tinh dien bien" */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC')
}

/**
 * The form search matches against: folded words separated by single spaces, with a space at
 * each end, so that `contains ' hoi'` finds words starting with "hoi" ("hội") but not "khối".
 */
export function toSearchText(text: string): string {
  const words = foldVietnamese(text).replace(/[^a-z0-9]+/g, ' ').trim()
  return words ? ` ${words} ` : ''
}

/** "Khối thi đua các cơ quan Đảng tỉnh" → "khoi-thi-dua-cac-co-quan-dang-tinh" */
export function slugify(text: string, maxLength = 120): string {
  const slug = foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= maxLength) return slug
  return slug.slice(0, maxLength).replace(/-[^-]*$/, '')
}

/** Normalizes every string inside a value (objects, arrays, rich text) to NFC, leaving other values alone. */
export function normalizeDeep<T>(value: T): T {
  if (typeof value === 'string') return toNFC(value) as T
  if (Array.isArray(value)) return value.map((item) => normalizeDeep(item)) as T
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const result: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) result[key] = normalizeDeep(item)
    return result as T
  }
  return value
}
