import http from 'node:http'
import { parseArgs } from 'node:util'

/**
 * The baseline: Node's bare `http` server answering every request with a fixed HTML page of
 * `--bytes` bytes (the size of the article page), so the ratio shows what the portal costs.
 */
const { values } = parseArgs({ options: { port: { type: 'string' }, bytes: { type: 'string' } } })
const port = Number(values.port)
const bytes = Number(values.bytes)
if (!Number.isInteger(port) || !Number.isInteger(bytes) || bytes < 64) throw new Error('usage: rawNode.ts --port N --bytes N')

const head = '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Raw</title></head><body><p>'
const tail = '</p></body></html>'
const body = Buffer.from(head + 'x'.repeat(Math.max(0, bytes - head.length - tail.length)) + tail)

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length })
  res.end(body)
})
server.listen(port, '127.0.0.1', () => console.log(`raw node listening on ${port} (${body.length} bytes)`))
process.on('SIGTERM', () => {
  server.close(() => process.exit(0))
  server.closeAllConnections()
})
