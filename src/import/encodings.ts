/**
 * Vietnamese legacy encodings. Pages typed with the ".Vn" fonts (TCVN3, also called ABC) or the
 * "VNI-" fonts store letters as Latin-1 bytes that only those fonts draw as Vietnamese: read as
 * Unicode they are mojibake ("B¶o Th¾ng" is TCVN3 for "Bảo Thắng", "Vieät Nam" is VNI for
 * "Việt Nam"). These tables map them back to Unicode; the output is NFC.
 */

/** TCVN 5712:1993 (VN3): one byte per letter. Capitals with a tone mark live in the ".VnTimeH" fonts. */
const TCVN3: Record<string, string> = {
  '\u00A1': 'Ă', '\u00A2': 'Â', '\u00A3': 'Ê', '\u00A4': 'Ô', '\u00A5': 'Ơ', '\u00A6': 'Ư', '\u00A7': 'Đ',
  '\u00A8': 'ă', '\u00A9': 'â', '\u00AA': 'ê', '\u00AB': 'ô', '\u00AC': 'ơ', '\u00AD': 'ư', '\u00AE': 'đ',
  '\u00B5': 'à', '\u00B6': 'ả', '\u00B7': 'ã', '\u00B8': 'á', '\u00B9': 'ạ',
  '\u00BB': 'ằ', '\u00BC': 'ẳ', '\u00BD': 'ẵ', '\u00BE': 'ắ', '\u00C6': 'ặ',
  '\u00C7': 'ầ', '\u00C8': 'ẩ', '\u00C9': 'ẫ', '\u00CA': 'ấ', '\u00CB': 'ậ',
  '\u00CC': 'è', '\u00CE': 'ẻ', '\u00CF': 'ẽ', '\u00D0': 'é', '\u00D1': 'ẹ',
  '\u00D2': 'ề', '\u00D3': 'ể', '\u00D4': 'ễ', '\u00D5': 'ế', '\u00D6': 'ệ',
  '\u00D7': 'ì', '\u00D8': 'ỉ', '\u00DC': 'ĩ', '\u00DD': 'í', '\u00DE': 'ị',
  '\u00DF': 'ò', '\u00E1': 'ỏ', '\u00E2': 'õ', '\u00E3': 'ó', '\u00E4': 'ọ',
  '\u00E5': 'ồ', '\u00E6': 'ổ', '\u00E7': 'ỗ', '\u00E8': 'ố', '\u00E9': 'ộ',
  '\u00EA': 'ờ', '\u00EB': 'ở', '\u00EC': 'ỡ', '\u00ED': 'ớ', '\u00EE': 'ợ',
  '\u00EF': 'ù', '\u00F1': 'ủ', '\u00F2': 'ũ', '\u00F3': 'ú', '\u00F4': 'ụ',
  '\u00F5': 'ừ', '\u00F6': 'ử', '\u00F7': 'ữ', '\u00F8': 'ứ', '\u00F9': 'ự',
  '\u00FA': 'ỳ', '\u00FB': 'ỷ', '\u00FC': 'ỹ', '\u00FD': 'ý', '\u00FE': 'ỵ',
}

/**
 * VNI: an ASCII base letter followed by one mark byte (tone, or vowel shape and tone together).
 * ơ, ư, đ and the i-vowels with a tone are single bytes of their own.
 */
const VNI_MARKS: Record<string, string> = {
  // tone alone: sắc, huyền, hỏi, ngã, nặng
  'ù': '\u0301', 'ø': '\u0300', 'û': '\u0309', 'õ': '\u0303', 'ï': '\u0323',
  // circumflex, and circumflex with a tone
  'â': '\u0302', 'á': '\u0302\u0301', 'à': '\u0302\u0300', 'å': '\u0302\u0309', 'ã': '\u0302\u0303', 'ä': '\u0302\u0323',
  // breve, and breve with a tone
  'ê': '\u0306', 'é': '\u0306\u0301', 'è': '\u0306\u0300', 'ú': '\u0306\u0309', 'ü': '\u0306\u0303', 'ë': '\u0306\u0323',
}
const VNI_SINGLE: Record<string, string> = {
  'ô': 'ơ', 'ö': 'ư', 'ñ': 'đ', 'í': 'í', 'ì': 'ì', 'æ': 'ỉ', 'ó': 'ĩ', 'ò': 'ị', 'î': 'ỵ',
  'Ô': 'Ơ', 'Ö': 'Ư', 'Ñ': 'Đ', 'Í': 'Í', 'Ì': 'Ì', 'Æ': 'Ỉ', 'Ó': 'Ĩ', 'Ò': 'Ị', 'Î': 'Ỵ',
}
const upperMarks = Object.fromEntries(Object.entries(VNI_MARKS).map(([mark, combining]) => [mark.toUpperCase(), combining]))
const ALL_VNI_MARKS: Record<string, string> = { ...VNI_MARKS, ...upperMarks }

/** Vowels (and ơ/ư written as VNI's ô/ö) that can carry a VNI mark byte. */
const VNI_BASE = 'aeiouyAEIOUYôöÔÖ'

const circumflexOrBreve = /[\u0302\u0306]/

export function tcvn3ToUnicode(text: string): string {
  let out = ''
  for (const char of text) out += TCVN3[char] ?? char
  return out.normalize('NFC')
}

export function vniToUnicode(text: string): string {
  let out = ''
  const chars = [...text]
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!
    const next = chars[i + 1]
    if (VNI_BASE.includes(char) && next && ALL_VNI_MARKS[next] !== undefined) {
      const base = VNI_SINGLE[char] ?? char
      const marks = ALL_VNI_MARKS[next]!
      // ơ and ư take a tone only; a shape mark after them is not VNI.
      if (base !== char && circumflexOrBreve.test(marks)) {
        out += base
        continue
      }
      out += base + marks
      i++
      continue
    }
    out += VNI_SINGLE[char] ?? char
  }
  return out.normalize('NFC')
}

export type TextEncoding = 'unicode' | 'nfd' | 'tcvn3' | 'vni'

export type DecodedText = {
  text: string
  encoding: TextEncoding
  /** 0–1: the share of words that read as Vietnamese (or plain ASCII) after conversion. */
  confidence: number
}

/** Letters only Unicode Vietnamese has: ă đ ơ ư and the precomposed block U+1EA0–U+1EF9. */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/gu
const TCVN3_MARKERS = /[\u00A1-\u00AE\u00B5-\u00B9\u00BB-\u00BE\u00C6-\u00CB\u00CC\u00CE-\u00D8\u00DC-\u00DF\u00E1-\u00EF\u00F1-\u00FE]/gu
const VNI_SEQUENCES = /[aeouyAEOUYôöÔÖ][ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]|[ñÑöÖ]/gu
const COMBINING = /[\u0300-\u036F]/u

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu
const NUCLEI = [
  'iêu', 'oai', 'oao', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'uyê', 'uyu', 'ươi', 'ươu', 'yêu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'oo', 'ôi', 'ơi',
  'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ưu', 'ươ', 'yê',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
]
const SYLLABLE = new RegExp(`^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?(${NUCLEI.join('|')})(ch|ng|nh|[cmnpt])?$`, 'u')

/** A Vietnamese syllable: initial consonant, one of the vowel nuclei, final consonant, at most one tone. */
export function isVietnameseSyllable(word: string): boolean {
  let known = syllables.get(word)
  if (known === undefined) {
    known = checkSyllable(word)
    // Bounded: a page has a few hundred distinct words; a long import reuses the common ones.
    if (syllables.size > 50_000) syllables.clear()
    syllables.set(word, known)
  }
  return known
}

const syllables = new Map<string, boolean>()

function checkSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD')
  const tones = decomposed.match(TONES)?.length ?? 0
  if (tones > 1) return false
  return SYLLABLE.test(decomposed.replace(TONES, '').normalize('NFC'))
}

/**
 * Share of the words with a non-ASCII letter that are Vietnamese syllables: near 1 for well
 * decoded text, far lower for text read in the wrong encoding. Words in plain ASCII (names,
 * abbreviations, numbers) say nothing either way and are left out.
 */
export function vietnameseWordShare(text: string): number {
  const words = text.split(/[^\p{L}\p{M}]+/u).filter((word) => /[^\x00-\x7F]/.test(word))
  if (words.length === 0) return 1
  return words.filter(isVietnameseSyllable).length / words.length
}

/**
 * Finds out how a page's text is encoded and converts it to Unicode NFC. Unicode pages are
 * recognised by letters only Unicode Vietnamese has; otherwise TCVN3 and VNI are both tried and
 * the one whose result reads best wins. The caller decides what confidence is enough.
 */
export function decodeVietnamese(raw: string): DecodedText {
  const unicodeLetters = count(raw, UNICODE_VIETNAMESE)
  const hasCombining = COMBINING.test(raw)
  const nfc = raw.normalize('NFC')
  const nfcLetters = hasCombining ? count(nfc, UNICODE_VIETNAMESE) : unicodeLetters
  const tcvnMarkers = count(raw, TCVN3_MARKERS)
  const vniSequences = count(raw, VNI_SEQUENCES)

  if (nfcLetters > 0 && nfcLetters >= (tcvnMarkers + vniSequences) / 4) {
    return { text: nfc, encoding: hasCombining && nfc !== raw ? 'nfd' : 'unicode', confidence: vietnameseWordShare(nfc) }
  }
  if (tcvnMarkers === 0 && vniSequences === 0) {
    return { text: nfc, encoding: 'unicode', confidence: vietnameseWordShare(nfc) }
  }
  const candidates: DecodedText[] = [
    { text: tcvn3ToUnicode(raw), encoding: 'tcvn3', confidence: 0 },
    { text: vniToUnicode(raw), encoding: 'vni', confidence: 0 },
  ]
  for (const candidate of candidates) {
    // A conversion that produced no Vietnamese letter at all explains nothing.
    candidate.confidence = count(candidate.text, UNICODE_VIETNAMESE) === 0 ? 0 : vietnameseWordShare(candidate.text)
  }
  candidates.sort((a, b) => b.confidence - a.confidence)
  return candidates[0]!
}

/**
 * Bytes of a saved page to text: UTF-8 when the bytes are valid UTF-8 (a UTF-16 byte order mark
 * is honoured), otherwise Latin-1, which keeps each byte of a TCVN3 or VNI page as one character.
 */
export function bytesToText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return Buffer.from(bytes).toString('latin1')
  }
}

const TCVN3_FROM_UNICODE = Object.fromEntries(Object.entries(TCVN3).map(([legacy, letter]) => [letter, legacy]))

/** Unicode to TCVN3, for fixtures and tests. Capitals with a tone mark have no TCVN3 byte and are lowered. */
export function unicodeToTcvn3(text: string): string {
  let out = ''
  for (const char of text.normalize('NFC')) {
    out += TCVN3_FROM_UNICODE[char] ?? (char.toLowerCase() !== char ? (TCVN3_FROM_UNICODE[char.toLowerCase()] ?? char) : char)
  }
  return out
}

const VNI_FROM_MARKS = Object.fromEntries(Object.entries(VNI_MARKS).map(([mark, combining]) => [combining, mark]))
const VNI_FROM_SINGLE = Object.fromEntries(Object.entries(VNI_SINGLE).filter(([legacy, letter]) => legacy !== letter).map(([legacy, letter]) => [letter, legacy]))

/** Unicode to VNI, for fixtures and tests. */
export function unicodeToVni(text: string): string {
  let out = ''
  for (const char of text.normalize('NFC')) {
    if (VNI_FROM_SINGLE[char]) {
      out += VNI_FROM_SINGLE[char]
      continue
    }
    const [base = char, ...marks] = [...char.normalize('NFD')]
    if (marks.length === 0) {
      out += char
      continue
    }
    const upper = base !== base.toLowerCase()
    const horn = marks[0] === '\u031B'
    const letter = horn ? (VNI_FROM_SINGLE[(base + '\u031B').normalize('NFC')] ?? base) : base
    // NFD puts the dot below before the circumflex or breve; VNI names the shape first.
    const rest = (horn ? marks.slice(1) : marks).sort((a, b) => Number(/[\u0302\u0306]/.test(b)) - Number(/[\u0302\u0306]/.test(a))).join('')
    if (rest === '') {
      out += letter
      continue
    }
    const mark = VNI_FROM_MARKS[rest]
    out += letter + (mark ? (upper ? mark.toUpperCase() : mark) : rest)
  }
  return out
}
