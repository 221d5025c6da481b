import type { PageCache } from './types.ts'

/** Interim: renders every page (no caching) until the byte-bounded cache lands. */
export function createPageCache(): PageCache {
  return {
    page: (_options, render) => async (req, res, next) => {
      try {
        const page = await render(req, res, {})
        res.status(page.status ?? 200).type(page.type).send(page.body)
      } catch (error) {
        next(error)
      }
    },
    purge: () => {},
    stats: () => ({ entries: 0, bytes: 0 }),
  }
}
