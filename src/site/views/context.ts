import type { Category, Site, Video } from '../../payload-types.ts'
import type { SidebarData } from '../sidebar.ts'

/** What every page view receives besides its own data. */
export type PageContext = {
  site: Site
  navigation: Category[]
  /** The site's video news, newest first. */
  videos: Video[]
  sidebar: SidebarData
  /** "https://host" of the site (src/site/origin.ts), for canonical and social links. */
  origin: string
  /** Path and query of the request. */
  path: string
}

export const absolute = (context: Pick<PageContext, 'origin'>, path: string) => `${context.origin}${path}`
