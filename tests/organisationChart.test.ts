import { describe, expect, it } from 'vitest'

import type { PublicUnit } from '../src/site/readModel/organisation.ts'

import { CHART, layoutChart, wrapText } from '../src/organisation/chart.ts'
import { agencyOf, buildUnitTree } from '../src/organisation/tree.ts'

const unit = (id: number, parent: number | null, kind: PublicUnit['kind'] = 'department'): PublicUnit => ({
  id,
  site: 1,
  slug: `don-vi-${id}`,
  name: `Đơn vị số ${id} có một cái tên khá dài để xuống dòng`,
  kind,
  parent,
  order: id,
  address: null,
  phone: null,
  email: null,
  website: null,
  en: { name: null, address: null },
})

const ids = (nodes: ReturnType<typeof buildUnitTree>): unknown[] => nodes.map((node) => [node.unit.id, ids(node.children)])

describe('the unit tree', () => {
  it('nests units under their parents, in the given order', () => {
    const tree = buildUnitTree([unit(1, null, 'agency'), unit(2, 1), unit(3, 2), unit(4, 1)])
    expect(ids(tree)).toEqual([[1, [[2, [[3, []]]], [4, []]]]])
    expect(agencyOf(tree)?.id).toBe(1)
  })

  it('makes a unit whose parent is not published a root, and cuts a loop of parents', () => {
    const orphan = buildUnitTree([unit(1, null, 'agency'), unit(2, 99)])
    expect(ids(orphan)).toEqual([[1, []], [2, []]])
    const loop = buildUnitTree([unit(1, 2), unit(2, 1), unit(3, 3)])
    // Every unit appears exactly once.
    expect(JSON.stringify(ids(loop)).match(/\d+/g)!.sort()).toEqual(['1', '2', '3'])
  })
})

describe('the chart layout', () => {
  it('wraps names by words within the line length', () => {
    expect(wrapText('Ban Tuyên giáo Tỉnh ủy Hòa Bình', 12)).toEqual(['Ban Tuyên', 'giáo Tỉnh ủy', 'Hòa Bình'])
  })

  it('draws every unit once, inside the picture, with no two boxes overlapping', () => {
    const units = [unit(1, null, 'agency'), ...[2, 3, 4, 5].map((id) => unit(id, 1)), unit(6, 2), unit(7, 6), unit(8, 5, 'attached')]
    const layout = layoutChart(buildUnitTree(units))
    expect(layout.boxes.map((box) => box.id).sort()).toEqual(units.map((item) => String(item.id)).sort())
    expect(layout.boxes.find((box) => box.id === '7')!.parent).toBe('6')
    for (const box of layout.boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(layout.width)
      expect(box.y + box.height).toBeLessThanOrEqual(layout.height)
      for (const line of box.lines) expect(line.length).toBeLessThanOrEqual(box.id === '1' ? 40 : CHART.charsPerLine)
    }
    for (const a of layout.boxes) {
      for (const b of layout.boxes) {
        if (a === b) continue
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y
        expect(apart, `${a.id} and ${b.id}`).toBe(true)
      }
    }
    // One line joins each unit to its parent (three for the agency's bar: stem, bar, and one per column).
    expect(layout.lines).toHaveLength(2 + 4 + 3)
  })
})
