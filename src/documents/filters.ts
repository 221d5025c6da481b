import type { Request } from 'express'

import type { DocumentTerm } from '../site/readModel/records.ts'
import type { RegisterFacet, RegisterFilter } from '../site/readModel/store.ts'

import { VALIDITIES, type Validity } from './validity.ts'

/**
 * The register's filters as they appear in the address (`/van-ban?loai=quyet-dinh&nam=2024`):
 * readable slugs, parsed into the ids the read model filters on. An unknown value is a 400.
 */
export const FILTER_PARAMS: Record<RegisterFacet, string> = { type: 'loai', issuer: 'co-quan', field: 'linh-vuc', year: 'nam', validity: 'hieu-luc' }
export const REGISTER_PARAMS = [...Object.values(FILTER_PARAMS), 'q', 'trang']

export const VALIDITY_SLUGS: Record<Validity, string> = {
  inForce: 'con-hieu-luc',
  partlyInForce: 'het-hieu-luc-mot-phan',
  expired: 'het-hieu-luc',
  notYetInForce: 'chua-co-hieu-luc',
}

export class FilterError extends Error {}

type TermFacet = 'field' | 'issuer' | 'type'
const TERM_FACETS: TermFacet[] = ['type', 'issuer', 'field']

/** The filter of a request, and the same filter as address parameters (slugs) for links. */
export function parseRegisterFilter(query: Request['query'], terms: readonly DocumentTerm[]): { filter: RegisterFilter; params: Record<string, string> } {
  const filter: RegisterFilter = {}
  const params: Record<string, string> = {}
  const single = (name: string): string | undefined => {
    const raw = query[name]
    if (raw === undefined || raw === '') return undefined
    if (typeof raw !== 'string' || raw.length > 100) throw new FilterError('Bộ lọc không hợp lệ.')
    return raw
  }
  for (const facet of TERM_FACETS) {
    const slug = single(FILTER_PARAMS[facet])
    if (slug === undefined) continue
    const term = terms.find((candidate) => candidate.group === facet && candidate.slug === slug)
    if (!term) throw new FilterError('Không có mục này trong danh mục văn bản.')
    filter[facet] = String(term.id)
    params[FILTER_PARAMS[facet]] = slug
  }
  const year = single(FILTER_PARAMS.year)
  if (year !== undefined) {
    if (!/^(19|20)\d\d$/.test(year)) throw new FilterError('Năm ban hành không hợp lệ.')
    filter.year = year
    params[FILTER_PARAMS.year] = year
  }
  const validity = single(FILTER_PARAMS.validity)
  if (validity !== undefined) {
    const value = VALIDITIES.find((candidate) => VALIDITY_SLUGS[candidate] === validity)
    if (!value) throw new FilterError('Tình trạng hiệu lực không hợp lệ.')
    filter.validity = value
    params[FILTER_PARAMS.validity] = validity
  }
  return { filter, params }
}
