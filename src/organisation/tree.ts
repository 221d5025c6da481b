import type { PublicUnit } from '../site/readModel/organisation.ts'

/** A unit with the units that belong to it, in order. */
export type UnitNode = { unit: PublicUnit; children: UnitNode[] }

/**
 * The units as a tree. A unit whose parent is not published (or not of the site) is a root; a
 * loop of parents, which the admin cannot prevent in one save, is cut where it is first met.
 */
export function buildUnitTree(units: PublicUnit[]): UnitNode[] {
  const byId = new Map(units.map((unit) => [String(unit.id), unit]))
  const children = new Map<string, PublicUnit[]>()
  const roots: PublicUnit[] = []
  for (const unit of units) {
    const parent = unit.parent === null ? undefined : String(unit.parent)
    if (parent === undefined || !byId.has(parent) || parent === String(unit.id)) roots.push(unit)
    else children.set(parent, [...(children.get(parent) ?? []), unit])
  }
  const placed = new Set<string>()
  const grow = (unit: PublicUnit): UnitNode => {
    placed.add(String(unit.id))
    const below = (children.get(String(unit.id)) ?? []).filter((child) => !placed.has(String(child.id)))
    for (const child of below) placed.add(String(child.id))
    return { unit, children: below.map(grow) }
  }
  const tree = roots.map(grow)
  for (const unit of units) if (!placed.has(String(unit.id))) tree.push(grow(unit))
  return tree
}

/** The agency whose introduction the site shows: the first root of kind 'agency', else the first root. */
export function agencyOf(tree: UnitNode[]): PublicUnit | undefined {
  return (tree.find((node) => node.unit.kind === 'agency') ?? tree[0])?.unit
}
