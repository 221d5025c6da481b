import React from 'react'

import type { SidebarWidget } from '../site/sidebar.ts'
import type { Placement } from './queries.ts'

import { findPollFor } from './queries.ts'
import { pollPhase, resultsVisible } from './schedule.ts'
import { HOME_PATH, isArticlePath } from '../site/paths.ts'
import { tallyPoll, toResults } from './tally.ts'
import { PollBox } from './views/PollBox.tsx'

const placementOf = (path: string): Placement | undefined => (path === HOME_PATH ? 'home' : isArticlePath(path) ? 'article' : undefined)

/**
 * The opinion poll in the right-hand column of the home page and of article pages. The pages are
 * cached whole for up to a minute, so only what is the same for every reader is rendered here; a
 * reader's own state (voted or not) comes from poll.js and /trang-thai.
 */
export const pollSidebarWidget: SidebarWidget = {
  key: 'poll',
  variant: (path) => placementOf(path) ?? 'none',
  async render(payload, site, page) {
    const placement = placementOf(page?.path ?? '/')
    if (!placement) return null
    const poll = await findPollFor(payload, site, placement)
    if (!poll) return null
    const phase = pollPhase(poll)
    const results = resultsVisible(poll, false) ? toResults(poll, await tallyPoll(payload, poll)) : null
    return React.createElement(PollBox, { poll, phase, results })
  },
}
