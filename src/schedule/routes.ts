import type { Request } from 'express'

import { Router } from 'express'
import React from 'react'

import type { SiteServices } from '../site/requestHelpers.ts'

import { pageTags } from '../site/cache/tags.ts'
import { badRequest } from '../site/httpError.ts'
import { siteOrigin } from '../site/origin.ts'
import { SCHEDULE_FEED_PATH, SCHEDULE_PATH, SCHEDULE_PRINT_PATH, SCHEDULE_WEEK_PARAM, schedulePath } from '../site/paths.ts'
import { createScheduleReader } from '../site/readModel/schedule.ts'
import { readStoreOf } from '../site/readModel/store.ts'
import { html, pageContext, siteOf } from '../site/requestHelpers.ts'
import { renderCalendar } from './ical.ts'
import { SchedulePage, type ScheduleWeekView } from './views/SchedulePage.tsx'
import { currentWeek, daysOf, parseWeek, shiftWeek, type Week, weekName } from './week.ts'

/** Weeks in the feed: the asked (or current) week and the one after, so a subscriber sees what is coming. */
const FEED_WEEKS = 2

/** `?tuan=2026-W50`, the current week when absent, 400 with the reason otherwise. */
function weekParam(req: Request): Week {
  const raw = req.query[SCHEDULE_WEEK_PARAM]
  if (raw === undefined || raw === '') return currentWeek()
  const week = typeof raw === 'string' ? parseWeek(raw) : undefined
  if (!week) throw badRequest('Tuần không hợp lệ. Hãy ghi theo dạng năm-W số tuần, ví dụ 2026-W50.')
  return week
}

function weekView(week: Week): ScheduleWeekView {
  return {
    name: weekName(week),
    number: week.week,
    days: daysOf(week),
    previous: weekName(shiftWeek(week, -1)),
    next: weekName(shiftWeek(week, 1)),
    isCurrent: weekName(week) === weekName(currentWeek()),
  }
}

/**
 * The leaders' work schedule ("Lịch công tác"): a week's page, its printable view and an
 * iCalendar feed, read from the read model's schedule records of the request's site. A page
 * carries the tags of the weeks it shows, so a change purges only those weeks' pages.
 */
export function scheduleRoutes(services: SiteServices): Router {
  const { cache } = services
  const schedule = createScheduleReader(readStoreOf(services.payload))
  const router = Router()
  const params = [SCHEDULE_WEEK_PARAM]

  const weekPage = (print: boolean) =>
    cache.page({ params }, async (req, res) => {
      const week = weekParam(req)
      const view = weekView(week)
      const [context, entries] = await Promise.all([pageContext(services, req, res), schedule.week(siteOf(res), view.name)])
      const canonicalPath = req.query[SCHEDULE_WEEK_PARAM] ? schedulePath(view.name) : schedulePath()
      return html(React.createElement(SchedulePage, { context, week: view, entries, canonicalPath, print }), [pageTags.scheduleWeek(view.name)])
    })

  router.get(SCHEDULE_PATH, weekPage(false))
  router.get(SCHEDULE_PRINT_PATH, weekPage(true))

  router.get(
    SCHEDULE_FEED_PATH,
    cache.page({ params }, async (req, res) => {
      const site = siteOf(res)
      const first = weekParam(req)
      const weeks = Array.from({ length: FEED_WEEKS }, (_, index) => weekName(shiftWeek(first, index)))
      const entries = (await Promise.all(weeks.map((week) => schedule.week(site, week)))).flat()
      const origin = siteOrigin(site)
      const body = renderCalendar(entries, { name: `Lịch công tác - ${site.name}`, host: new URL(origin).hostname, url: `${origin}${schedulePath(weeks[0])}`, now: new Date() })
      return { type: 'text/calendar', body, tags: weeks.map((week) => pageTags.scheduleWeek(week)) }
    }),
  )

  return router
}
