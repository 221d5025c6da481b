import fs from 'node:fs'
import path from 'node:path'

import next from 'next'

import type { NextRequestHandler } from './nextRoutes.ts'

import { ConfigError } from '../config/env.ts'

/** Starts the production build of Payload's admin (made by `npm run build`). */
export async function startNext(dir = process.cwd()): Promise<NextRequestHandler> {
  if (!fs.existsSync(path.join(dir, '.next', 'BUILD_ID'))) {
    throw new ConfigError('the admin has not been built yet: run `npm run build` first')
  }
  const app = next({ dev: false, dir, quiet: true })
  await app.prepare()
  const handle = app.getRequestHandler()
  return (req, res) => handle(req, res)
}
