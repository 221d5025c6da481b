import React from 'react'

import type { DocumentLink, PublicDocument } from '../../site/readModel/records.ts'
import type { PageContext } from '../../site/views/context.ts'

import { formatDate } from '../../lib/dates.ts'
import { documentFilePath, documentPath, DOCUMENTS_PATH } from '../../site/paths.ts'
import { Breadcrumb } from '../../site/views/components/Breadcrumb.tsx'
import { absolute } from '../../site/views/context.ts'
import { Layout } from '../../site/views/Layout.tsx'
import { describeFile } from '../files.ts'
import { deriveValidity, VALIDITY_LABELS, vietnamDay } from '../validity.ts'

type DocumentPageProps = { context: PageContext; document: PublicDocument; now: Date }

function Related({ label, items }: { label: string; items: DocumentLink[] }) {
  if (items.length === 0) return null
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              <a href={documentPath(item.slug)}>{item.number}</a> ({formatDate(item.issuedAt)}): {item.abstract}
            </li>
          ))}
        </ul>
      </dd>
    </>
  )
}

/** schema.org Legislation for search engines. */
function legislation(context: PageContext, document: PublicDocument, validity: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    name: `${document.type} ${document.number}`,
    legislationIdentifier: document.number,
    legislationType: document.type,
    abstract: document.abstract,
    legislationDate: vietnamDay(document.issuedAt),
    ...(document.effectiveAt ? { legislationDateVersion: vietnamDay(document.effectiveAt) } : {}),
    legislationPassedBy: { '@type': 'GovernmentOrganization', name: document.issuer },
    legislationLegalForce: validity,
    inLanguage: 'vi',
    url: absolute(context, documentPath(document.slug)),
    ...(document.files.length > 0 ? { encoding: document.files.map((file) => ({ '@type': 'MediaObject', contentUrl: absolute(context, documentFilePath(document.slug, file.filename)), encodingFormat: file.mimeType })) } : {}),
  }
}

const LEGAL_FORCE: Record<string, string> = { inForce: 'InForce', partlyInForce: 'PartiallyInForce', expired: 'NotInForce', notYetInForce: 'NotInForce' }

/** One document: every field as a definition list, its files, the documents it relates to both ways. */
export function DocumentPage({ context, document, now }: DocumentPageProps) {
  const validity = deriveValidity(document, now)
  const title = `${document.type} ${document.number}`
  return (
    <Layout
      site={context.site}
      navigation={context.navigation}
      meta={{ title, description: document.abstract, canonical: absolute(context, documentPath(document.slug)), jsonLd: legislation(context, document, `https://schema.org/${LEGAL_FORCE[validity]}`) }}
    >
      <Breadcrumb crumbs={[{ label: 'Văn bản', href: DOCUMENTS_PATH }, { label: document.number }]} />
      <article className="document-page">
        <h1 className="page-title">{title}</h1>
        <p className="document-abstract">{document.abstract}</p>
        <dl className="document-fields">
          <dt>Số, ký hiệu</dt>
          <dd>{document.number}</dd>
          <dt>Loại văn bản</dt>
          <dd>{document.type}</dd>
          <dt>Cơ quan ban hành</dt>
          <dd>{document.issuer}</dd>
          {document.field ? (
            <>
              <dt>Lĩnh vực</dt>
              <dd>{document.field}</dd>
            </>
          ) : null}
          {document.signer ? (
            <>
              <dt>Người ký</dt>
              <dd>{document.signer}</dd>
            </>
          ) : null}
          <dt>Ngày ban hành</dt>
          <dd>{formatDate(document.issuedAt)}</dd>
          <dt>Ngày có hiệu lực</dt>
          <dd>{formatDate(document.effectiveAt ?? document.issuedAt)}</dd>
          {document.expiresAt ? (
            <>
              <dt>Ngày hết hiệu lực</dt>
              <dd>{formatDate(document.expiresAt)}</dd>
            </>
          ) : null}
          <dt>Tình trạng hiệu lực</dt>
          <dd>{VALIDITY_LABELS[validity].vi}</dd>
          <Related label="Thay thế văn bản" items={document.replaces} />
          <Related label="Bị thay thế bởi" items={document.replacedBy} />
          <Related label="Sửa đổi, bổ sung văn bản" items={document.amends} />
          <Related label="Được sửa đổi, bổ sung bởi" items={document.amendedBy} />
        </dl>
        {document.files.length > 0 ? (
          <section aria-labelledby="tep-dinh-kem">
            <h2 id="tep-dinh-kem" className="section-title">
              Tệp đính kèm
            </h2>
            <ul className="document-files">
              {document.files.map((file) => (
                <li key={file.id}>
                  <a href={documentFilePath(document.slug, file.filename)} download={file.originalName}>
                    {file.originalName}
                  </a>{' '}
                  <span className="meta">({describeFile(file.mimeType, file.filesize)})</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {document.bodyHtml ? (
          <section aria-labelledby="toan-van">
            <h2 id="toan-van" className="section-title">
              Toàn văn
            </h2>
            <div className="article-body" dangerouslySetInnerHTML={{ __html: document.bodyHtml }} />
          </section>
        ) : null}
      </article>
    </Layout>
  )
}
