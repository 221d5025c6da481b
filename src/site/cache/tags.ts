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
  /** A legal document's page, and every page that names it (register, related documents). */
  document: (id: Id) => `document:${id}`,
  /** The documents register's list, its counts and feed. */
  documents: 'list:documents',
  photos: 'photos',
  sitemap: 'sitemap',
  notices: 'notices',
  videos: 'videos',
  /** The organisation pages (src/organisation): units and people of the site. */
  organisation: 'organisation',
  /** The work schedule of one week ("2026-W50"): its page, printable view and feeds covering it. */
  scheduleWeek: (week: string) => `schedule:${week}`,
  /** Published questions: a question's page, and the listings ("Hỏi đáp", per field, search). */
  question: (id: Id) => `question:${id}`,
  questions: 'list:questions',
  /** A draft put out for comment: its page (with its approved comments and count), and the list. */
  consultation: (id: Id) => `consultation:${id}`,
  consultations: 'list:consultations',
} as const
