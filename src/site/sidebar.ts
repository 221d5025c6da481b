import type { Payload } from 'payload'
import type { ReactElement } from 'react'

import type { Notice, Site } from '../payload-types.ts'
import type { BannerWithImage } from './queries/content.ts'

import type { Chrome } from './siteChrome.ts'

/**
 * A box in the right-hand column (opinion poll, weather, visit statistics): it loads its own
 * data for a site and renders it. Widgets are passed to createApp(), in display order.
 */
export type SidebarWidget = {
  key: string
  /** `page.path` is the address being rendered (without the query), for widgets shown on some pages only. */
  render: (payload: Payload, site: Site, page?: { path: string }) => Promise<ReactElement | null>
  /** What the box depends on in the address (e.g. home or article page); the box is kept per site and variant. */
  variant?: (path: string) => string
}

export type SidebarData = { notices: Notice[]; banners: BannerWithImage[]; widgets: { key: string; element: ReactElement }[] }

export type WidgetCache = {
  render: (widget: SidebarWidget, payload: Payload, site: Site, path: string) => Promise<ReactElement | null>
  purgeSite: (site: number | string) => void
}

/**
 * The boxes rendered for a site, kept `ttlMs` per box, site and variant, so a page rendered
 * anew does not query the poll's tally or the weather each time. Their changes purge the site
 * (src/site/cache/purgeHooks.ts), which drops them here too; live figures (votes, visits) are
 * fetched by the boxes' scripts anyway.
 */
export function createWidgetCache({ ttlMs = 10_000, now = Date.now }: { ttlMs?: number; now?: () => number } = {}): WidgetCache {
  const entries = new Map<string, { at: number; element: Promise<ReactElement | null> }>()
  return {
    render(widget, payload, site, path) {
      const key = `${site.id} ${widget.key} ${widget.variant?.(path) ?? ''}`
      const entry = entries.get(key)
      if (entry && now() - entry.at < ttlMs) return entry.element
      const element = widget.render(payload, site, { path })
      const fresh = { at: now(), element }
      entries.set(key, fresh)
      // A failed render is not kept: the next page tries again.
      element.catch(() => entries.get(key) === fresh && entries.delete(key))
      return element
    },
    purgeSite(site) {
      for (const key of entries.keys()) if (key.startsWith(`${site} `)) entries.delete(key)
    },
  }
}

export async function loadSidebar(
  payload: Payload,
  site: Site,
  widgets: SidebarWidget[],
  chrome: Pick<Chrome, 'banners' | 'notices'>,
  path = '/',
  cache?: WidgetCache,
): Promise<SidebarData> {
  const { notices, banners } = chrome
  const render = (widget: SidebarWidget) => (cache ? cache.render(widget, payload, site, path) : widget.render(payload, site, { path }))
  const rendered = await Promise.all(widgets.map(async (widget) => ({ key: widget.key, element: await render(widget) })))
  return {
    notices,
    banners,
    widgets: rendered.filter((widget): widget is { key: string; element: ReactElement } => widget.element !== null),
  }
}
