import zlib from 'node:zlib'

/**
 * Files that are two things at once, built byte by byte for the fuzz tests: an image that carries
 * a page (in a comment, a text chunk or behind its end), a document that is also an archive.
 * Each builder keeps the carrier valid: a decoder still reads the image, an unzipper the archive.
 */

const u16be = (value: number) => Buffer.from([value >> 8, value & 0xff])
const u32be = (value: number) => {
  const bytes = Buffer.alloc(4)
  bytes.writeUInt32BE(value >>> 0)
  return bytes
}

/** A JPEG with a COM segment holding `comment` right after its start marker. */
export function jpegWithComment(jpeg: Buffer, comment: Buffer): Buffer {
  const body = comment.subarray(0, 0xffff - 2)
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xfe]), u16be(body.length + 2), body, jpeg.subarray(2)])
}

/** A PNG with a tEXt chunk (`keyword`, `text`) right after its IHDR chunk. */
export function pngWithText(png: Buffer, keyword: string, text: Buffer): Buffer {
  const afterHeader = 8 + 8 + png.readUInt32BE(8) + 4
  const typeAndData = Buffer.concat([Buffer.from('tEXt', 'latin1'), Buffer.from(keyword, 'latin1'), Buffer.from([0]), text])
  const chunk = Buffer.concat([u32be(typeAndData.length - 4), typeAndData, u32be(zlib.crc32(typeAndData))])
  return Buffer.concat([png.subarray(0, afterHeader), chunk, png.subarray(afterHeader)])
}

/** A GIF with a comment extension holding `comment` right after its global colour table. */
export function gifWithComment(gif: Buffer, comment: Buffer): Buffer {
  const packed = gif[10]!
  const afterHeader = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0)
  const blocks: Buffer[] = []
  for (let at = 0; at < comment.length; at += 255) {
    const block = comment.subarray(at, at + 255)
    blocks.push(Buffer.from([block.length]), block)
  }
  return Buffer.concat([gif.subarray(0, afterHeader), Buffer.from([0x21, 0xfe]), ...blocks, Buffer.from([0]), gif.subarray(afterHeader)])
}

/** A ZIP archive of `entries`, stored without compression. */
export function storedZip(entries: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.from(content)
    const fileName = Buffer.from(name, 'utf8')
    const common = Buffer.alloc(26)
    common.writeUInt16LE(20, 0) // version needed
    common.writeUInt16LE(0, 2) // flags
    common.writeUInt16LE(0, 4) // stored
    common.writeUInt16LE(0, 6) // time
    common.writeUInt16LE(0x21, 8) // date: 1980-01-01
    common.writeUInt32LE(zlib.crc32(data), 10)
    common.writeUInt32LE(data.length, 14)
    common.writeUInt32LE(data.length, 18)
    common.writeUInt16LE(fileName.length, 22)
    common.writeUInt16LE(0, 24) // extra length
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), common, fileName, data])
    const tail = Buffer.alloc(14)
    tail.writeUInt32LE(offset, 10) // comment length, disk, attributes: 0; then the local header's offset
    centrals.push(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02]), u16le(20), common, tail, fileName]))
    locals.push(local)
    offset += local.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(centrals.length, 8)
  end.writeUInt16LE(centrals.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

function u16le(value: number) {
  const bytes = Buffer.alloc(2)
  bytes.writeUInt16LE(value)
  return bytes
}

/** An ISO base media box. */
const box = (type: string, data: Buffer) => Buffer.concat([u32be(8 + data.length), Buffer.from(type, 'latin1'), data])

/** A structurally valid MP4 (ftyp, then a `free` box holding `hidden`, then an empty mdat). */
export function mp4(hidden: Buffer = Buffer.alloc(0)): Buffer {
  const ftyp = box('ftyp', Buffer.from('isom\0\0\x02\0isomiso2mp41', 'latin1'))
  return Buffer.concat([ftyp, box('free', hidden), box('mdat', Buffer.alloc(16))])
}

/** An EBML element, its size in four bytes. */
function ebml(id: number[], data: Buffer): Buffer {
  const length = data.length
  const size = Buffer.from([0x10 | ((length >>> 24) & 0x0f), (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff])
  return Buffer.concat([Buffer.from(id), size, data])
}

/** A WebM: its EBML header (DocType "webm"), then a segment holding `hidden` in a Void element. */
export function webm(hidden: Buffer = Buffer.alloc(0)): Buffer {
  const header = ebml([0x1a, 0x45, 0xdf, 0xa3], Buffer.concat([ebml([0x42, 0x86], Buffer.from([1])), ebml([0x42, 0x82], Buffer.from('webm')), ebml([0x42, 0x87], Buffer.from([4])), ebml([0x42, 0x85], Buffer.from([2]))]))
  return Buffer.concat([header, ebml([0x18, 0x53, 0x80, 0x67], ebml([0xec], hidden))])
}

/** The start of an OLE2 compound file (DOC, XLS), then `rest`. */
export const compoundFile = (rest: Buffer) => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(16), Buffer.from([0x3e, 0, 0x03, 0, 0xfe, 0xff, 0x09, 0]), Buffer.alloc(6), rest])

/** Office files as archives: the entries that make `file-type` name them. */
export const officeFile = {
  docx: (extra: Record<string, string | Buffer> = {}) =>
    storedZip({
      '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      'word/document.xml': '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
      ...extra,
    }),
  xlsx: (extra: Record<string, string | Buffer> = {}) =>
    storedZip({
      '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      'xl/workbook.xml': '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
      ...extra,
    }),
  odt: (extra: Record<string, string | Buffer> = {}) => storedZip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>', ...extra }),
  jar: (extra: Record<string, string | Buffer> = {}) => storedZip({ 'META-INF/MANIFEST.MF': 'Manifest-Version: 1.0\nMain-Class: X\n', ...extra }),
}
