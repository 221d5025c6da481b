import type { RequestHandler } from 'express'

import type { Media, Site } from '../payload-types.ts'

import { assetPath, MEDIA_PATH } from '../site/paths.ts'

/**
 * `/favicon.ico`, which every browser asks for: the site's logo when it has one (its smallest
 * size), otherwise the portal's default star. A redirect, cached for a day.
 */
export const favicon: RequestHandler = (_req, res) => {
  const site = res.locals.site as Site
  const logo = typeof site.logo === 'object' && site.logo ? (site.logo as Media) : undefined
  const file = logo?.sizes?.thumbnail?.filename ?? logo?.filename
  res.set('Cache-Control', 'public, max-age=86400')
  res.redirect(302, file ? `${MEDIA_PATH}/${encodeURIComponent(file)}` : assetPath('favicon.svg'))
}
