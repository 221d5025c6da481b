import React from 'react'

import type { Poll } from '../../payload-types.ts'
import type { PageContext } from '../../site/views/context.ts'
import type { PollPhase } from '../schedule.ts'
import type { Results } from '../tally.ts'

import { Breadcrumb } from '../../site/views/components/Breadcrumb.tsx'
import { Sidebar } from '../../site/views/components/Sidebar.tsx'
import { absolute } from '../../site/views/context.ts'
import { Layout } from '../../site/views/Layout.tsx'
import { pollPeriod } from '../tally.ts'
import { POLLS_PATH, pollPath, pollResultsPath } from '../../site/paths.ts'
import { PollBox } from './PollBox.tsx'
import { ResultBars } from './ResultBars.tsx'

type PollPageProps = { context: PageContext; poll: Poll; phase: PollPhase; results: Results | null }

/** A poll on its own page: the question, the vote and, when public, the results. */
export function PollPage({ context, poll, phase, results }: PollPageProps) {
  return (
    <Layout site={context.site} navigation={context.navigation} meta={{ title: poll.question, canonical: absolute(context, pollPath(poll.slug)) }}>
      <Breadcrumb crumbs={[{ label: 'Thăm dò ý kiến', href: POLLS_PATH }, { label: poll.question }]} />
      <div className="with-sidebar">
        <div className="main-column">
          <PollBox poll={poll} phase={phase} results={results} variant="page" />
        </div>
        <Sidebar data={context.sidebar} />
      </div>
    </Layout>
  )
}

/** The results of one poll, or why they are not shown yet. */
export function PollResultsPage({ context, poll, phase, results }: PollPageProps) {
  const title = `Kết quả: ${poll.question}`
  return (
    <Layout site={context.site} navigation={context.navigation} meta={{ title, canonical: absolute(context, pollResultsPath(poll.slug)) }}>
      <Breadcrumb crumbs={[{ label: 'Thăm dò ý kiến', href: POLLS_PATH }, { label: poll.question, href: pollPath(poll.slug) }, { label: 'Kết quả' }]} />
      <div className="with-sidebar">
        <div className="main-column">
          <h1 className="page-title">{title}</h1>
          {results ? (
            <ResultBars results={results} caption={phase === 'open' ? 'Kết quả tạm thời (chỉ tính phiếu hợp lệ)' : 'Kết quả chung cuộc (chỉ tính phiếu hợp lệ)'} />
          ) : (
            <p>{poll.showResults === 'afterClosing' ? 'Kết quả sẽ được công bố khi cuộc thăm dò kết thúc.' : 'Kết quả hiển thị sau khi bạn biểu quyết.'}</p>
          )}
          <p>
            <a href={pollPath(poll.slug)}>Quay trở lại cuộc thăm dò</a>
          </p>
        </div>
        <Sidebar data={context.sidebar} />
      </div>
    </Layout>
  )
}

/** Every public poll of the site, newest first. */
export function PollListPage({ context, polls }: { context: PageContext; polls: { poll: Poll; phase: PollPhase }[] }) {
  return (
    <Layout site={context.site} navigation={context.navigation} meta={{ title: 'Thăm dò ý kiến', canonical: absolute(context, POLLS_PATH) }}>
      <Breadcrumb crumbs={[{ label: 'Thăm dò ý kiến' }]} />
      <div className="with-sidebar">
        <div className="main-column">
          <h1 className="page-title">Thăm dò ý kiến</h1>
          {polls.length === 0 ? <p>Hiện chưa có cuộc thăm dò nào.</p> : null}
          <ul className="plain-list poll-list">
            {polls.map(({ poll, phase }) => (
              <li key={poll.id}>
                <a href={pollPath(poll.slug)}>{poll.question}</a>{' '}
                <span className="meta-inline">
                  ({phase === 'open' ? 'đang diễn ra' : phase === 'notYetOpen' ? 'sắp diễn ra' : 'đã kết thúc'}; {pollPeriod(poll)})
                </span>{' '}
                <a href={pollResultsPath(poll.slug)}>Kết quả</a>
              </li>
            ))}
          </ul>
        </div>
        <Sidebar data={context.sidebar} />
      </div>
    </Layout>
  )
}
