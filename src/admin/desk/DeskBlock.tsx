import React from 'react'

type DeskBlockProps = { id: string; title: string; count?: number; more?: { href: string; label: string }; empty: string; isEmpty: boolean; children?: React.ReactNode }

/** The frame of one dashboard block: a titled region with its count, a list, or a line saying it is empty. */
export function DeskBlock({ id, title, count, more, empty, isEmpty, children }: DeskBlockProps) {
  const headingId = `desk-${id}-title`
  return (
    <section className={`desk-block desk-block--${id}`} aria-labelledby={headingId} style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '1rem 1.25rem' }}>
      <h2 id={headingId} style={{ fontSize: '1.25rem', margin: '0 0 0.75rem' }}>
        {title}
        {count !== undefined ? <span className="desk-block__count"> ({count})</span> : null}
      </h2>
      {isEmpty ? <p style={{ margin: 0 }}>{empty}</p> : children}
      {more ? (
        <p style={{ margin: '0.75rem 0 0' }}>
          <a href={more.href}>{more.label}</a>
        </p>
      ) : null}
    </section>
  )
}

export const deskListStyle: React.CSSProperties = { margin: 0, paddingLeft: '1.25rem', display: 'grid', gap: '0.5rem' }
