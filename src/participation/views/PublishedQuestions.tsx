import React from 'react'

import type { Page, PublicQuestion, QuestionSummary } from '../../site/readModel/records.ts'
import type { QuestionField } from '../../payload-types.ts'
import type { PageContext } from '../../site/views/context.ts'

import { formatDate } from '../../lib/dates.ts'
import { ASK_QUESTION_PATH, QUESTIONS_PATH, questionPath } from '../../site/paths.ts'
import { Breadcrumb } from '../../site/views/components/Breadcrumb.tsx'
import { Pagination } from '../../site/views/components/Pagination.tsx'
import { Sidebar } from '../../site/views/components/Sidebar.tsx'
import { absolute } from '../../site/views/context.ts'
import { Layout } from '../../site/views/Layout.tsx'

type ListProps = {
  context: PageContext
  fields: Pick<QuestionField, 'id' | 'name'>[]
  field?: string
  query: string
  questions: Page<QuestionSummary>
}

/** "Hỏi đáp": published questions and answers, newest first, by field and searchable. */
export function QuestionListPage({ context, fields, field, query, questions }: ListProps) {
  const filters: Record<string, string> = {}
  if (field) filters['linh-vuc'] = field
  if (query) filters.q = query
  return (
    <Layout site={context.site} navigation={context.navigation} meta={{ title: 'Hỏi đáp', canonical: absolute(context, QUESTIONS_PATH) }}>
      <Breadcrumb crumbs={[{ label: 'Hỏi đáp' }]} />
      <div className="with-sidebar">
        <div className="main-column">
          <h1 className="page-title">Hỏi đáp</h1>
          <p>
            <a href={ASK_QUESTION_PATH}>Gửi câu hỏi</a>
          </p>
          <form method="get" action={QUESTIONS_PATH} className="search-form question-filter" role="search">
            <label htmlFor="hd-linh-vuc">Lĩnh vực</label>
            <select id="hd-linh-vuc" name="linh-vuc" defaultValue={field ?? ''}>
              <option value="">Tất cả lĩnh vực</option>
              {fields.map((item) => (
                <option key={item.id} value={String(item.id)}>
                  {item.name}
                </option>
              ))}
            </select>
            <label htmlFor="hd-q">Từ khóa</label>
            <input id="hd-q" name="q" type="search" defaultValue={query} />
            <button type="submit">Tìm</button>
          </form>
          {questions.docs.length === 0 ? <p>Chưa có câu hỏi nào được trả lời{query || field ? ' phù hợp' : ''}.</p> : null}
          <ul className="plain-list question-list">
            {questions.docs.map((question) => (
              <li key={question.id}>
                <a href={questionPath(question.slug)}>{question.title}</a>
                <span className="meta-inline">
                  {' '}
                  ({question.reference}; {question.field?.name ?? 'Lĩnh vực khác'}; {question.askedBy}; trả lời ngày {formatDate(question.publishedAt)})
                </span>
              </li>
            ))}
          </ul>
          <Pagination path={QUESTIONS_PATH} page={questions.page} totalPages={questions.totalPages} query={filters} />
        </div>
        <Sidebar data={context.sidebar} />
      </div>
    </Layout>
  )
}

/** One published question with its answer, the answering unit and the date. */
export function QuestionPage({ context, question }: { context: PageContext; question: PublicQuestion }) {
  return (
    <Layout site={context.site} navigation={context.navigation} meta={{ title: question.title, canonical: absolute(context, questionPath(question.slug)), type: 'article' }}>
      <Breadcrumb crumbs={[{ label: 'Hỏi đáp', href: QUESTIONS_PATH }, { label: question.title }]} />
      <div className="with-sidebar">
        <div className="main-column">
          <article className="question">
            <h1 className="page-title">{question.title}</h1>
            <p className="meta-inline">
              Số hiệu {question.reference} · Lĩnh vực: {question.field?.name ?? 'Khác'} · Người hỏi: {question.askedBy} · Ngày gửi: {formatDate(question.askedAt)}
            </p>
            <h2>Câu hỏi</h2>
            {question.body.split(/\n+/).map((line, index) => (
              <p key={index}>{line}</p>
            ))}
            <h2>Trả lời{question.unit ? ` của ${question.unit}` : ''}</h2>
            {question.answer.split(/\n+/).map((line, index) => (
              <p key={index}>{line}</p>
            ))}
            <p className="meta-inline">
              {question.unit ? `${question.unit} · ` : ''}Ngày trả lời: {formatDate(question.answeredAt ?? question.publishedAt)}
            </p>
          </article>
          <p>
            <a href={QUESTIONS_PATH}>Quay trở lại Hỏi đáp</a>
          </p>
        </div>
        <Sidebar data={context.sidebar} />
      </div>
    </Layout>
  )
}
