import { setTimeout as sleep } from 'node:timers/promises'

import type { Manifest } from './generateArticles.ts'

import { paragraphsToLexical } from '../src/lib/lexical.ts'
import { DEMO_PASSWORD } from '../src/seed/demoContent.ts'
import { get, request } from './servers.ts'

/**
 * The editor's side of "publishing under load": signs in as the demo editor of 'hoabinh' through
 * REST, publishes an article every `everyMs` until `untilMs`, and after each 201 reads the home page
 * every `pollMs` until it shows the new title. Returns the delays from each 201 to the first home
 * page showing that article (Infinity when it did not within `giveUpMs`).
 */

const EDITOR = 'bientap.hoabinh@congtin.local'

export async function editorToken(port: number): Promise<string> {
  const login = await request(port, 'POST', '/api/users/login', { json: { email: EDITOR, password: DEMO_PASSWORD } })
  const token = login.status === 200 ? (JSON.parse(login.body.toString()) as { token?: string }).token : undefined
  if (!token) throw new Error(`the editor's login answered ${login.status}`)
  return `JWT ${token}`
}

let published = 0

export async function publishWhileLoaded(options: {
  port: number
  manifest: Manifest
  authorization: string
  everyMs: number
  untilMs: number
  pollMs: number
  giveUpMs: number
}): Promise<number[]> {
  const { port, manifest, authorization, everyMs, pollMs, giveUpMs } = options
  const delays: number[] = []
  const waits: Promise<void>[] = []
  for (let next = Date.now() + everyMs / 4; next + everyMs / 2 < options.untilMs; next += everyMs) {
    await sleep(Math.max(0, next - Date.now()))
    const title = `Tin vừa đăng số ${++published} trong lúc tải nặng`
    const created = await request(port, 'POST', '/api/articles', {
      headers: { authorization },
      json: {
        title,
        site: manifest.siteId,
        categories: [manifest.categoryId],
        lead: 'Bài viết đăng trong lúc đo tải.',
        body: paragraphsToLexical(['Nội dung bài viết đăng trong lúc đo tải.']),
        _status: 'published',
      },
    })
    if (created.status !== 201) throw new Error(`publishing answered ${created.status}: ${created.body.toString().slice(0, 300)}`)
    const answered = Date.now()
    // Polls run beside the next publication, so each is timed from its own 201.
    waits.push(
      (async () => {
        for (let poll = answered; Date.now() - answered < giveUpMs; poll += pollMs) {
          await sleep(Math.max(0, poll - Date.now()))
          const home = await get(port, '/')
          if (home.status === 200 && home.body.includes(title)) {
            delays.push(Date.now() - answered)
            return
          }
        }
        delays.push(Infinity)
      })(),
    )
  }
  await Promise.all(waits)
  return delays
}
