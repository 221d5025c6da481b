import type { CollectionSlug, WidgetServerProps } from 'payload'

import { getTranslation } from '@payloadcms/translations'
import { getNavGroups, getVisibleEntities } from '@payloadcms/ui/shared'
import { EntityType, getAccessResults } from 'payload'
import React from 'react'

import { visibleCounts } from './counts.ts'

type CardData = { slug: string; title: string; href: string; showAllLabel: string; create?: { href: string; label: string }; count?: number }
type GroupData = { label: string; cards: CardData[] }

/**
 * Payload's collection cards with the number of documents each holds for the signed-in user (see
 * counts.ts). It replaces Payload's "collections" widget in the dashboard's default layout.
 */
export async function CollectionCards({ req }: Pick<WidgetServerProps, 'req'>) {
  const { i18n, payload } = req
  const adminRoute = payload.config.routes.admin
  const permissions = await getAccessResults({ req })
  const navGroups = getNavGroups(permissions, getVisibleEntities({ req }), payload.config, i18n)
  const slugs = navGroups.flatMap((group) => group.entities.filter((entity) => entity.type === EntityType.collection).map((entity) => entity.slug as CollectionSlug))
  const counts = await visibleCounts(req, slugs)
  const groups: GroupData[] = navGroups.map((group) => ({
    label: group.label,
    cards: group.entities.map((entity) => {
      const title = getTranslation(entity.label, i18n)
      if (entity.type === EntityType.global) {
        return { slug: entity.slug, title, href: `${adminRoute}/globals/${entity.slug}`, showAllLabel: i18n.t('general:editLabel', { label: title }) }
      }
      const slug = entity.slug as CollectionSlug
      return {
        slug,
        title,
        href: `${adminRoute}/collections/${slug}`,
        showAllLabel: i18n.t('general:showAllLabel', { label: title }),
        create: permissions.collections?.[slug]?.create ? { href: `${adminRoute}/collections/${slug}/create`, label: i18n.t('general:createNewLabel', { label: title }) } : undefined,
        count: counts.get(slug),
      }
    }),
  }))
  return <CollectionCardsView groups={groups} />
}

const countFormat = new Intl.NumberFormat('vi-VN')

/** The cards in Payload's own markup and class names, so its stylesheet lays them out as before. */
export function CollectionCardsView({ groups }: { groups: GroupData[] }) {
  return (
    <div className="collections">
      <div className="collections__wrap">
        {groups.map((group) => (
          <div className="collections__group" key={group.label}>
            <h2 className="collections__label">{group.label}</h2>
            <ul className="collections__card-list">
              {group.cards.map((card) => (
                <li key={card.slug}>
                  <div className={`card card-${card.slug} card--has-onclick`} id={`card-${card.slug}`}>
                    <h3 className="card__title">
                      {card.title}
                      {card.count !== undefined ? (
                        <span className="card__count" style={{ display: 'block', fontSize: '0.875rem', fontWeight: 'normal', color: 'var(--theme-elevation-650)' }}>
                          {countFormat.format(card.count)} mục
                        </span>
                      ) : null}
                    </h3>
                    {card.create ? (
                      <div className="card__actions">
                        <a className="btn btn--icon btn--icon-style-with-border btn--round btn--style-icon-label" href={card.create.href} aria-label={card.create.label}>
                          <span className="btn__content" aria-hidden="true">
                            +
                          </span>
                        </a>
                      </div>
                    ) : null}
                    <a className="btn card__click btn--style-none" href={card.href} aria-label={card.showAllLabel} />
                  </div>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </div>
  )
}
