import { extractText, getDocumentProxy } from 'unpdf'

const MAX_TEXT = 200_000

/**
 * The text layer of a PDF, for search (unpdf: Mozilla's pdf.js, no service). A scan without a
 * text layer, or a damaged file, gives an empty string; the file is still accepted.
 */
export async function extractPdfText(data: Buffer): Promise<string> {
  try {
    const pdf = await getDocumentProxy(new Uint8Array(data))
    const { text } = await extractText(pdf, { mergePages: true })
    return text.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT)
  } catch {
    return ''
  }
}
