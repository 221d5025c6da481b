import React from 'react'

import type { PublicScheduleEntry } from '../../site/readModel/schedule.ts'
import type { PageContext } from '../../site/views/context.ts'
import type { WeekDays } from '../week.ts'

import { formatDateTime } from '../../lib/dates.ts'
import { INTRODUCTION_PATH, scheduleFeedPath, schedulePath, schedulePrintPath } from '../../site/paths.ts'
import { Breadcrumb } from '../../site/views/components/Breadcrumb.tsx'
import { absolute } from '../../site/views/context.ts'
import { Layout } from '../../site/views/Layout.tsx'
import { formatScheduleDay, formatShortDay } from '../week.ts'

export type ScheduleWeekView = {
  /** "2026-W50" */
  name: string
  number: number
  days: WeekDays
  previous: string
  next: string
  isCurrent: boolean
}

type ScheduleProps = { context: PageContext; week: ScheduleWeekView; entries: PublicScheduleEntry[]; canonicalPath: string; print?: boolean }

const timeOf = (entry: PublicScheduleEntry) => (entry.endTime ? `${entry.startTime} – ${entry.endTime}` : entry.startTime)

/** Who presides: the leaders with their titles, the unit, then the free text. */
function Presiding({ entry }: { entry: PublicScheduleEntry }) {
  const names = [...entry.leaders.map((leader) => `${leader.name}, ${leader.title}`), ...(entry.unit ? [entry.unit.name] : []), ...(entry.presider ? [entry.presider] : [])]
  if (names.length === 0) return null
  return (
    <div>
      <dt>Chủ trì</dt>
      <dd>{names.join('; ')}</dd>
    </div>
  )
}

function Entry({ entry }: { entry: PublicScheduleEntry }) {
  const adjusted = entry.changes.length > 0
  return (
    <li className={adjusted ? 'schedule-entry is-adjusted' : 'schedule-entry'} data-entry={entry.id}>
      <p className="schedule-time">
        {timeOf(entry)}
        {adjusted ? <span className="schedule-badge">Điều chỉnh</span> : null}
      </p>
      <div className="schedule-body">
        <p className="schedule-content">{entry.content}</p>
        <dl className="schedule-facts">
          <Presiding entry={entry} />
          {entry.place ? (
            <div>
              <dt>Địa điểm</dt>
              <dd>{entry.place}</dd>
            </div>
          ) : null}
          {entry.attendees ? (
            <div>
              <dt>Thành phần</dt>
              <dd>{entry.attendees}</dd>
            </div>
          ) : null}
          {entry.notes ? (
            <div>
              <dt>Ghi chú</dt>
              <dd>{entry.notes}</dd>
            </div>
          ) : null}
        </dl>
        {adjusted ? (
          <div className="schedule-history">
            <p className="schedule-history-title">Lịch sử điều chỉnh</p>
            <ul>
              {entry.changes.map((change, index) => (
                <li key={index}>
                  <time dateTime={change.at}>{formatDateTime(change.at)}</time>: {change.summary}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </li>
  )
}

/** The week, day by day: every day has its heading, an empty day says so. */
function WeekTable({ week, entries }: { week: ScheduleWeekView; entries: PublicScheduleEntry[] }) {
  return (
    <div className="schedule-week">
      {week.days.map((day) => {
        const ofDay = entries.filter((entry) => entry.day === day)
        return (
          <section key={day} className="schedule-day" aria-labelledby={`ngay-${day}`}>
            <h2 id={`ngay-${day}`} className="schedule-day-title">
              {formatScheduleDay(day)}
            </h2>
            {ofDay.length === 0 ? (
              <p className="schedule-empty">Không có lịch công tác.</p>
            ) : (
              <ul className="schedule-entries">
                {ofDay.map((entry) => (
                  <Entry key={entry.id} entry={entry} />
                ))}
              </ul>
            )}
          </section>
        )
      })}
    </div>
  )
}

/** "Lịch công tác": one week of the leaders' schedule, with the weeks before and after, print and calendar links. */
export function SchedulePage({ context, week, entries, canonicalPath, print }: ScheduleProps) {
  const title = `Lịch công tác tuần ${week.number}`
  const range = `${formatShortDay(week.days[0])} – ${formatShortDay(week.days[6])}`
  const body = (
    <div className="main-column schedule">
      <h1 className="page-title">
        {title} <span className="schedule-range">({range})</span>
      </h1>
      {print ? null : (
        <>
          <nav className="schedule-nav" aria-label="Chuyển tuần">
            <a href={schedulePath(week.previous)} rel="prev">
              ← Tuần trước
            </a>
            {week.isCurrent ? <span aria-current="page">Tuần này</span> : <a href={schedulePath()}>Tuần này</a>}
            <a href={schedulePath(week.next)} rel="next">
              Tuần sau →
            </a>
          </nav>
          <p className="schedule-tools">
            <a href={schedulePrintPath(week.name)}>Bản in</a> · <a href={scheduleFeedPath(week.name)}>Thêm vào lịch (.ics)</a>
          </p>
        </>
      )}
      {entries.some((entry) => entry.changes.length > 0) ? <p className="schedule-legend">Mục có dấu "Điều chỉnh" đã được thay đổi sau khi đăng; lịch sử điều chỉnh ghi bên dưới mục.</p> : null}
      <WeekTable week={week} entries={entries} />
    </div>
  )
  return (
    <Layout
      site={context.site}
      navigation={context.navigation}
      variant={print ? 'print' : 'full'}
      printBackLabel="Trở lại lịch công tác"
      meta={{
        title: `${title} (${range})`,
        description: `Lịch công tác của lãnh đạo ${context.site.agency} tuần ${week.number}, từ ${range}.`,
        canonical: absolute(context, canonicalPath),
        noindex: print,
      }}
    >
      {print ? (
        body
      ) : (
        <>
          <Breadcrumb crumbs={[{ label: 'Giới thiệu', href: INTRODUCTION_PATH }, { label: 'Lịch công tác' }]} />
          {body}
        </>
      )}
    </Layout>
  )
}
