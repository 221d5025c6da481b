import http from 'node:http'
import { parseArgs } from 'node:util'

/**
 * The baseline: Node's bare `http` server answering with a fixed HTML page from memory, so the
 * ratio shows what the portal costs. `/` answers `--bytes` bytes (the size of the page measured
 * beside it); `/<n>` answers n bytes, so one server stands beside pages of several sizes.
 */
const { values } = parseArgs({ options: { port: { type: 'string' }, bytes: { type: 'string' } } })
const port = Number(values.port)
const bytes = Number(values.bytes ?? 1024)
if (!Number.isInteger(port) || !Number.isInteger(bytes) || bytes < 64) throw new Error('usage: rawNode.ts --port N [--bytes N]')

const head = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Raw</title></head><body><p>'
const tail = '</p></body></html>'
const page = (size: number) => Buffer.from(head + 'x'.repeat(Math.max(0, size - head.length - tail.length)) + tail)

const pages = new Map<string, Buffer>([['/', page(bytes)]])
function pageFor(url = '/'): Buffer | undefined {
  let body = pages.get(url)
  const size = Number(url.slice(1))
  if (!body && Number.isInteger(size) && size >= 64 && size <= 16 * 1024 * 1024) pages.set(url, (body = page(size)))
  return body
}

const server = http.createServer((req, res) => {
  const body = pageFor(req.url)
  if (!body) {
    res.writeHead(404).end()
    return
  }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length })
  res.end(body)
})
server.listen(port, '127.0.0.1', () => console.log(`raw node listening on ${port} (${pages.get('/')!.length} bytes at /)`))
process.on('SIGTERM', () => {
  server.close(() => process.exit(0))
  server.closeAllConnections()
})
