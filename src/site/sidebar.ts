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
}

export type SidebarData = { notices: Notice[]; banners: BannerWithImage[]; widgets: { key: string; element: ReactElement }[] }

export async function loadSidebar(
  payload: Payload,
  site: Site,
  widgets: SidebarWidget[],
  chrome: Pick<Chrome, 'banners' | 'notices'>,
  path = '/',
): Promise<SidebarData> {
  const { notices, banners } = chrome
  const rendered = await Promise.all(widgets.map(async (widget) => ({ key: widget.key, element: await widget.render(payload, site, { path }) })))
  return {
    notices,
    banners,
    widgets: rendered.filter((widget): widget is { key: string; element: ReactElement } => widget.element !== null),
  }
}
