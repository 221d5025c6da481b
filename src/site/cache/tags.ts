/**
 * Names of what a cached page shows. A page carries the tags of everything on it; a change to a
 * document purges the pages carrying its tags (and only those).
 */
type Id = number | string

export const pageTags = {
  /** The article page itself, and every page that shows the article in a box or a list. */
  article: (id: Id) => `article:${id}`,
  /** Listings: the site's newest articles (home, feeds, sitemap). */
  newest: 'list:newest',
  featured: 'list:featured',
  /** A category's listing including its subcategories. */
  category: (id: Id) => `list:category:${id}`,
  tag: (id: Id) => `list:tag:${id}`,
  author: (id: Id) => `list:author:${id}`,
  search: 'search',
  photos: 'photos',
  sitemap: 'sitemap',
  notices: 'notices',
  videos: 'videos',
} as const
