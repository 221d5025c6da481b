import type { RequestHandler } from 'express'
import type { OutgoingHttpHeader } from 'node:http'

import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import { chooseEncoding, type Encoding, etagMatches, weakEtag } from '../site/cache/encoding.ts'

const TEXT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
}

type Asset = { etag: string; bodies: Partial<Record<Encoding, Buffer>>; heads: Partial<Record<Encoding, OutgoingHttpHeader[]>>; notModified: OutgoingHttpHeader[] }

/**
 * The site's own scripts and styles, read and compressed (brotli 11, gzip 9) once at start: they
 * are a few small files that change only with a deployment. Other files fall through to the next
 * handler (express.static).
 */
export function compressedAssets(folder: string, maxAgeSeconds = 86_400): RequestHandler {
  const assets = new Map<string, Asset>()
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    const type = TEXT_TYPES[path.extname(entry.name)]
    if (!entry.isFile() || !type) continue
    const file = path.join(entry.parentPath, entry.name)
    assets.set(`/${path.relative(folder, file).split(path.sep).join('/')}`, prepare(fs.readFileSync(file), type, fs.statSync(file).mtime, maxAgeSeconds))
  }
  return (req, res, next) => {
    const asset = (req.method === 'GET' || req.method === 'HEAD') && assets.get(req.path)
    if (!asset) return next()
    if (etagMatches(req.headers['if-none-match'], asset.etag)) return void res.writeHead(304, asset.notModified).end()
    let encoding = chooseEncoding(req.headers['accept-encoding'])
    if (!asset.bodies[encoding]) encoding = 'identity'
    res.writeHead(200, asset.heads[encoding]).end(asset.bodies[encoding])
  }
}

function prepare(identity: Buffer, type: string, modified: Date, maxAgeSeconds: number): Asset {
  const etag = weakEtag(identity)
  const common = ['Cache-Control', `public, max-age=${maxAgeSeconds}`, 'ETag', etag, 'Last-Modified', modified.toUTCString(), 'Vary', 'Accept-Encoding']
  const bodies: Asset['bodies'] = { identity }
  const br = zlib.brotliCompressSync(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
  const gzip = zlib.gzipSync(identity, { level: 9 })
  if (br.length < identity.length) bodies.br = br
  if (gzip.length < identity.length) bodies.gzip = gzip
  const heads: Asset['heads'] = {}
  for (const [encoding, body] of Object.entries(bodies) as [Encoding, Buffer][]) {
    heads[encoding] = [...common, 'Content-Type', type, 'Content-Length', String(body.length), ...(encoding === 'identity' ? [] : ['Content-Encoding', encoding])]
  }
  return { etag, bodies, heads, notModified: common }
}
