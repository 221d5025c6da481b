import { foldVietnamese } from '../lib/vietnamese.ts'
import { isWholeWord } from './query.ts'

export type Segment = { text: string; match: boolean }

/** Folded letters of the scripts Vietnamese text uses (Latin and its diacritics, punctuation), kept once each. */
const foldedLetters = new Map<string, string>()

function foldLetter(letter: string): string {
  let folded = foldedLetters.get(letter)
  if (folded === undefined) {
    folded = foldVietnamese(letter)
    if (letter.charCodeAt(0) < 0x2100) foldedLetters.set(letter, folded)
  }
  return folded
}

/**
 * Splits text into plain and matched segments, matching the folded words of a query against the
 * folded text, so "dien bien" marks "Điện Biên" in the original spelling.
 */
export function highlight(text: string, words: string[]): Segment[] {
  const original = text.normalize('NFC')
  // folded[i] comes from original[origin[i]]: one NFC letter folds to one or more ASCII letters.
  let folded = ''
  const origin: number[] = []
  for (let index = 0; index < original.length; index++) {
    const piece = foldLetter(original[index]!)
    folded += piece
    for (let k = 0; k < piece.length; k++) origin.push(index)
  }
  const marked = new Array<boolean>(original.length).fill(false)
  for (const word of words.filter(Boolean)) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) {
      // Only at the start of a word (or a whole word), as the search itself matches.
      if (at > 0 && /[a-z0-9]/.test(folded[at - 1]!)) continue
      if (isWholeWord(word) && /[a-z0-9]/.test(folded[at + word.length] ?? '')) continue
      for (let k = at; k < at + word.length; k++) marked[origin[k]!] = true
    }
  }
  const segments: Segment[] = []
  for (let index = 0; index < original.length; index++) {
    const last = segments[segments.length - 1]
    if (last && last.match === marked[index]) last.text += original[index]
    else segments.push({ text: original[index]!, match: marked[index]! })
  }
  return segments
}

/** A window of about `length` characters around the first match, for result snippets. */
export function excerptAround(text: string, words: string[], length = 240): string {
  const folded = foldVietnamese(text)
  const first = Math.min(...words.map((word) => folded.indexOf(word)).filter((at) => at >= 0), Number.POSITIVE_INFINITY)
  if (!Number.isFinite(first) || text.length <= length) return text.length <= length ? text : `${text.slice(0, length).replace(/\s\S*$/, '')}…`
  const start = Math.max(0, first - Math.floor(length / 3))
  const slice = text.slice(start, start + length)
  return `${start > 0 ? '…' : ''}${slice.replace(/^\S*\s/, start > 0 ? '' : '$&').replace(/\s\S*$/, '')}…`
}
