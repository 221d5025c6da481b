import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import sharp from 'sharp'

import { unicodeToTcvn3, unicodeToVni } from '../src/import/encodings.ts'
import { benchEnv } from './env.ts'

/**
 * Import benchmark: `npm run bench:import -- [--pages N] [--rounds R] [--parse-only]` (default 10,000 pages).
 * Generates N legacy pages under tmp/bench-import/pages (SharePoint, DotNetNuke and Liferay-like
 * HTML, plain-text copies; one in ten TCVN3, one in ten VNI; one in 25 with a photo), then on a
 * fresh SQLite database: parses them all R times (no database), imports them all once, and
 * imports them again (every page unchanged). Prints pages per second: the median of the parse
 * rounds, and the median over batches of 250 pages for both imports. `--parse-only` stops after
 * the parse rounds, for a quick check of the parser's speed.
 */
const { values } = parseArgs({
  options: { pages: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '3' }, 'parse-only': { type: 'boolean', default: false } },
})
const total = Number(values.pages)
const rounds = Number(values.rounds)
if (!Number.isInteger(total) || total < 1) throw new Error('usage: bench/import.ts --pages N')

const root = path.resolve('tmp/bench-import')
const pagesDir = path.join(root, `pages-${total}`)
const dataDir = path.join(root, `data-${Date.now()}`)
fs.mkdirSync(dataDir, { recursive: true })
Object.assign(process.env, benchEnv(dataDir))

let seed = 42
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}
const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
const ORGS = ['Sở Nội vụ', 'Ban Tuyên giáo Tỉnh ủy', 'Sở Y tế', 'UBND huyện Mai Châu', 'Hội Nông dân tỉnh', 'Sở Tài chính', 'Huyện ủy Kim Bôi']
const TOPICS = ['công tác thi đua, khen thưởng', 'chuyển đổi số', 'cải cách hành chính', 'xây dựng nông thôn mới', 'phòng, chống thiên tai', 'giảm nghèo bền vững']
const SENTENCES = [
  'Các cơ quan, đơn vị đã chủ động bám sát chương trình, kế hoạch công tác và các nội dung giao ước thi đua đã ký kết từ đầu năm.',
  'Hội nghị đã thảo luận, làm rõ một số tồn tại, hạn chế và đề ra phương hướng, nhiệm vụ trong thời gian tới.',
  'Công tác tuyên truyền, nêu gương, nhân rộng các điển hình tiên tiến được quan tâm thực hiện.',
  'Đại biểu dự hội nghị đã nghe báo cáo kết quả thực hiện nhiệm vụ và kế hoạch triển khai của các huyện, thành phố.',
  'Lãnh đạo tỉnh đề nghị các sở, ngành tiếp tục phối hợp chặt chẽ, bảo đảm hoàn thành các chỉ tiêu đề ra.',
]
const paragraph = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SENTENCES)).join(' ')
const two = (n: number) => String(n).padStart(2, '0')

async function generate(): Promise<void> {
  if (fs.existsSync(path.join(pagesDir, 'done'))) return
  fs.rmSync(pagesDir, { recursive: true, force: true })
  fs.mkdirSync(pagesDir, { recursive: true })
  for (let i = 0; i < total; i++) {
    const day = 1 + (i % 28)
    const month = 1 + (Math.floor(i / 28) % 12)
    const year = 2010 + (Math.floor(i / 336) % 12)
    const title = `${pick(ORGS)} triển khai ${pick(TOPICS)} số ${i + 1} năm ${year}`
    const body = Array.from({ length: 4 + Math.floor(random() * 4) }, paragraph)
    const lead = `Ngày ${day}/${month}/${year}, ${pick(ORGS)} tổ chức hội nghị về ${pick(TOPICS)}.`
    const name = `page-${String(i).padStart(5, '0')}`
    const withPhoto = i % 25 === 0
    if (withPhoto) {
      const image = await sharp({ create: { width: 120, height: 80, channels: 3, background: { r: i % 256, g: (i * 7) % 256, b: 90 } } }).jpeg().toBuffer()
      fs.mkdirSync(path.join(pagesDir, `${name}_files`))
      fs.writeFileSync(path.join(pagesDir, `${name}_files/anh.jpg`), image)
    }
    const kind = i % 4
    if (kind === 3) {
      const text = ['Thăm dò ý kiến', 'Theo bạn, trang có đủ thông tin không?', 'Mã xác nhận', title, `Ngày đăng: ${two(day)}/${two(month)}/${year} ${two(i % 24)}:${two(i % 60)} Lượt xem: ${i}`, lead, ...body, 'Bảo Minh', 'Quay trở lại'].join('\n\n')
      const encoded = i % 10 === 3 ? Buffer.from(unicodeToTcvn3(text.toLowerCase()), 'latin1') : i % 10 === 7 ? Buffer.from(unicodeToVni(text), 'latin1') : Buffer.from(text)
      fs.writeFileSync(path.join(pagesDir, `${name}.txt`), encoded)
      continue
    }
    const date = kind === 0 ? `<div class="date">${month}/${day}/${year} ${1 + (i % 12)}:${two(i % 60)}:00 ${i % 2 ? 'PM' : 'AM'}</div>` : `<div class="news-info">Ngày đăng: ${two(day)}/${two(month)}/${year} 10:${two(i % 60)} Lượt xem: ${i}</div>`
    const shell = kind === 0 ? '<div id="s4-ribbonrow">Skip Ribbon Commands</div>' : kind === 1 ? '<div id="dnn_ctr1_poll" class="poll">Thăm dò ý kiến</div>' : '<div class="portlet-navigation">Trang chủ</div>'
    const photo = withPhoto ? `<p style="text-align:center"><img src="${name}_files/anh.jpg" alt="Toàn cảnh hội nghị"></p><p style="text-align:center"><em>Toàn cảnh hội nghị</em></p>` : ''
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${shell}
<div class="breadcrumb">Trang chủ &gt; Tin tức</div><h1>${title}</h1>${date}<div class="share">Chia sẻ</div>
<p><strong>${lead}</strong></p>${photo}${body.map((text) => `<p>${text}</p>`).join('\n')}<p>Tác giả: Lê Quỳnh</p>
<div class="weather">Dự báo thời tiết 30oC</div></body></html>`
    fs.writeFileSync(path.join(pagesDir, `${name}.html`), html)
  }
  fs.writeFileSync(path.join(pagesDir, 'done'), '')
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

async function main(): Promise<void> {
  const started = Date.now()
  await generate()
  const { collectPages } = await import('../src/import/runImport.ts')
  const { parsePage } = await import('../src/import/parsePage.ts')
  const { importArticle } = await import('../src/import/importArticle.ts')
  const { loadTarget } = await import('../src/import/target.ts')
  const { startPayload, stopPayload } = await import('../src/server/startPayload.ts')
  const files = await collectPages([pagesDir])
  console.log(`${files.length} pages in ${path.relative(process.cwd(), pagesDir)} (${((Date.now() - started) / 1000).toFixed(1)} s to generate or find)`)

  const parseRates: number[] = []
  let failed = 0
  for (let round = 0; round < rounds; round++) {
    const t0 = performance.now()
    failed = 0
    for (const file of files) if ((await parsePage(file)).problems.length) failed++
    parseRates.push(files.length / ((performance.now() - t0) / 1000))
  }
  console.log(`parse only: ${median(parseRates).toFixed(0)} pages/s (median of ${rounds} rounds: ${parseRates.map((rate) => rate.toFixed(0)).join(', ')}); ${failed} pages with problems`)
  if (values['parse-only']) {
    fs.rmSync(dataDir, { recursive: true, force: true })
    return
  }

  const payload = await startPayload()
  try {
    const site = await payload.create({
      collection: 'sites',
      data: { name: 'Bench', key: 'bench', agency: 'Bench', hosts: [{ host: 'bench.localhost' }] },
    })
    await payload.create({ collection: 'categories', data: { title: 'Tin tức', slug: 'tin-tuc', site: site.id } })
    await payload.create({ collection: 'authors', data: { name: 'Lê Quỳnh', slug: 'le-quynh', site: site.id } })
    const target = await loadTarget(payload, { site: 'bench', publish: true, dryRun: false })
    for (const label of ['full import', 'second import (unchanged)']) {
      const batchRates: number[] = []
      const statuses = new Map<string, number>()
      const t0 = performance.now()
      let batchStart = t0
      for (const [index, file] of files.entries()) {
        const outcome = await importArticle(payload, await parsePage(file), target)
        statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1)
        if ((index + 1) % 250 === 0 || index === files.length - 1) {
          const now = performance.now()
          batchRates.push(((index % 250) + 1) / ((now - batchStart) / 1000))
          batchStart = now
        }
      }
      const overall = files.length / ((performance.now() - t0) / 1000)
      console.log(
        `${label}: ${median(batchRates).toFixed(1)} pages/s (median over batches of 250; overall ${overall.toFixed(1)}); ${[...statuses].map(([status, n]) => `${n} ${status}`).join(', ')}`,
      )
    }
  } finally {
    await stopPayload(payload)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
