import React from 'react'

import type { PublicPerson, PublicUnit } from '../../site/readModel/organisation.ts'
import type { UnitNode } from '../tree.ts'

import { EN } from '../../english/strings.ts'
import { enUnitPath, unitPath } from '../../site/paths.ts'
import { Picture } from '../../site/views/components/Picture.tsx'

/** The language of the page the parts are drawn on: the English section passes 'en'. */
export type Language = 'en' | 'vi'

/**
 * A text on an English page: its translation, else the Vietnamese text marked as Vietnamese
 * (a name untranslated is still the right name; screen readers read it with Vietnamese voice).
 */
export function Translated({ en, vi }: { en: string | null | undefined; vi: string }) {
  return en ? <>{en}</> : <span lang="vi">{vi}</span>
}

const inLanguage = (language: Language, en: string | null | undefined, vi: string) => (language === 'en' ? <Translated en={en} vi={vi} /> : vi)
const unitHref = (language: Language, slug: string) => (language === 'en' ? enUnitPath(slug) : unitPath(slug))

/** Telephone numbers as dialable links ("0218 3852 123" → tel:02183852123). */
const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`

/** Address, phone, e-mail and website of a unit, as a definition list. */
export function UnitContacts({ unit, language = 'vi' }: { unit: PublicUnit; language?: Language }) {
  const labels = language === 'en' ? EN.contacts : { address: 'Địa chỉ', phone: 'Điện thoại', email: 'Thư điện tử', website: 'Trang thông tin' }
  const rows: [string, React.ReactNode][] = []
  if (unit.address) rows.push([labels.address, inLanguage(language, unit.en?.address, unit.address)])
  if (unit.phone) rows.push([labels.phone, <a href={telHref(unit.phone)}>{unit.phone}</a>])
  if (unit.email) rows.push([labels.email, <a href={`mailto:${unit.email}`}>{unit.email}</a>])
  if (unit.website) rows.push([labels.website, <a href={unit.website}>{unit.website}</a>])
  if (rows.length === 0) return null
  return (
    <dl className="contact-list">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** A person's card: photo, name, title and unit, official contacts, and the biography when asked. */
export function PersonCard({
  person,
  headingLevel = 2,
  withBio = false,
  withUnit = true,
  language = 'vi',
}: {
  person: PublicPerson
  headingLevel?: 2 | 3
  withBio?: boolean
  withUnit?: boolean
  language?: Language
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const labels = language === 'en' ? EN.contacts : { phone: 'Điện thoại', email: 'Thư điện tử', photoOf: (name: string) => `Ảnh ${name}` }
  // A biography is shown only in its own language: an English page leaves out an untranslated one.
  const bio = language === 'en' ? person.en?.bio : person.bio
  return (
    <article className="person-card" data-person={person.id}>
      {person.photo ? (
        <div className="person-photo">
          <Picture media={person.photo} size="thumbnail" sizes="96px" alt={labels.photoOf(person.name)} />
        </div>
      ) : null}
      <div className="person-text">
        <Heading className="person-name">{person.name}</Heading>
        <p className="person-title">
          {inLanguage(language, person.en?.title, person.title)}
          {withUnit && person.unit ? (
            <>
              {', '}
              <a href={unitHref(language, person.unit.slug)}>{inLanguage(language, person.unit.nameEn, person.unit.name)}</a>
            </>
          ) : null}
        </p>
        <ul className="person-contacts">
          {person.phone ? (
            <li>
              {labels.phone}: <a href={telHref(person.phone)}>{person.phone}</a>
            </li>
          ) : null}
          {person.email ? (
            <li>
              {labels.email}: <a href={`mailto:${person.email}`}>{person.email}</a>
            </li>
          ) : null}
        </ul>
        {withBio && bio
          ? bio
              .split(/\n{2,}/)
              .filter(Boolean)
              .map((paragraph, index) => (
                <p key={index} className="person-bio">
                  {paragraph}
                </p>
              ))
          : null}
      </div>
    </article>
  )
}

/** The units as a nested list of links: the chart's information for screen readers, keyboards and paper. */
export function UnitTree({ nodes, id, language = 'vi' }: { nodes: UnitNode[]; id?: string; language?: Language }) {
  if (nodes.length === 0) return null
  return (
    <ul className="unit-tree" id={id}>
      {nodes.map((node) => (
        <li key={node.unit.id} data-unit={node.unit.id}>
          <a href={unitHref(language, node.unit.slug)}>{inLanguage(language, node.unit.en?.name, node.unit.name)}</a>
          <UnitTree nodes={node.children} language={language} />
        </li>
      ))}
    </ul>
  )
}
