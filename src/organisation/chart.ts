import type { UnitNode } from './tree.ts'

/**
 * Where the boxes and lines of the organisation chart go (drawn by views/OrgChart.tsx). The agency
 * sits on top at the left; each unit directly under it heads a column, and the units under those are stacked
 * in the column, indented by level, so a wide agency stays readable on paper and on a screen.
 * Pure arithmetic on the tree; text is wrapped by character count (no font measuring on the server).
 */

export type ChartBox = { id: string; parent: string | null; name: string; lines: string[]; kind: string; x: number; y: number; width: number; height: number }
export type ChartLine = { points: [number, number][] }
export type ChartLayout = { width: number; height: number; boxes: ChartBox[]; lines: ChartLine[] }

export const CHART = { boxWidth: 190, rootWidth: 300, columnGap: 24, indent: 18, rowGap: 14, levelGap: 36, lineHeight: 16, padding: 9, margin: 8, charsPerLine: 24 }

/** Words wrapped into lines of at most `max` characters (a longer word stays whole). */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

const boxHeight = (lines: string[]) => lines.length * CHART.lineHeight + 2 * CHART.padding

export function layoutChart(tree: UnitNode[]): ChartLayout {
  const boxes: ChartBox[] = []
  const lines: ChartLine[] = []
  const top = tree.length === 1 ? tree[0]! : undefined
  const columns = top ? top.children : tree
  let y = CHART.margin

  // The agency's box, at the left: a phone showing the start of a wide chart shows the agency.
  let rootBox: ChartBox | undefined
  if (top) {
    const rootLines = wrapText(top.unit.name, Math.round((CHART.charsPerLine * CHART.rootWidth) / CHART.boxWidth))
    rootBox = { id: String(top.unit.id), parent: null, name: top.unit.name, lines: rootLines, kind: top.unit.kind, x: 0, y, width: CHART.rootWidth, height: boxHeight(rootLines) }
    boxes.push(rootBox)
    y += rootBox.height + (columns.length > 0 ? CHART.levelGap : 0)
  }

  let x = CHART.margin
  let bottom = rootBox ? rootBox.y + rootBox.height : CHART.margin
  const heads: ChartBox[] = []
  for (const column of columns) {
    let rowY = y
    let columnWidth = CHART.boxWidth
    const place = (node: UnitNode, depth: number, parent: ChartBox | undefined): void => {
      const wrapped = wrapText(node.unit.name, CHART.charsPerLine)
      const box: ChartBox = {
        id: String(node.unit.id),
        parent: parent ? parent.id : top ? String(top.unit.id) : null,
        name: node.unit.name,
        lines: wrapped,
        kind: node.unit.kind,
        x: x + depth * CHART.indent,
        y: rowY,
        width: CHART.boxWidth,
        height: boxHeight(wrapped),
      }
      boxes.push(box)
      columnWidth = Math.max(columnWidth, depth * CHART.indent + CHART.boxWidth)
      rowY += box.height + CHART.rowGap
      if (parent) {
        // From the parent's left edge, down, then across to the child's middle.
        const stem = parent.x + CHART.indent / 2
        lines.push({ points: [[stem, parent.y + parent.height], [stem, box.y + box.height / 2], [box.x, box.y + box.height / 2]] })
      }
      for (const child of node.children) place(child, depth + 1, box)
    }
    place(column, 0, undefined)
    heads.push(boxes.find((box) => box.id === String(column.unit.id))!)
    bottom = Math.max(bottom, rowY - CHART.rowGap)
    x += columnWidth + CHART.columnGap
  }
  const width = Math.max(x - CHART.columnGap + CHART.margin, CHART.rootWidth + 2 * CHART.margin)

  if (rootBox) {
    rootBox.x = CHART.margin
    if (heads.length > 0) {
      // Down from the agency to a bar across the columns, then down to each column's head.
      const barY = rootBox.y + rootBox.height + CHART.levelGap / 2
      const middle = rootBox.x + CHART.rootWidth / 2
      const centres = heads.map((head) => head.x + head.width / 2)
      lines.push({ points: [[middle, rootBox.y + rootBox.height], [middle, barY]] })
      lines.push({ points: [[Math.min(middle, ...centres), barY], [Math.max(middle, ...centres), barY]] })
      for (const [index, head] of heads.entries()) lines.push({ points: [[centres[index]!, barY], [centres[index]!, head.y]] })
    }
  }
  return { width, height: bottom + CHART.margin, boxes, lines }
}
