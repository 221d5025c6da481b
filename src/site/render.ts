import type { Response } from 'express'
import type { ReactElement } from 'react'

import { renderToStaticMarkup } from 'react-dom/server'

/** Sends a server-rendered React page. Views are pure: they receive plain data and never fetch. */
export function sendPage(res: Response, element: ReactElement, status = 200): void {
  const html = `<!doctype html>${renderToStaticMarkup(element)}`
  res.status(status).type('html').send(html)
}
