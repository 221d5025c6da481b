/**
 * A small, strict iCalendar (RFC 5545) reader for tests: no parsing library is installed. It
 * refuses what a calendar client would choke on (bare LF, lines over 75 octets, unbalanced
 * BEGIN/END, unknown escapes) instead of guessing.
 */

export type Property = { name: string; params: Record<string, string>; value: string }
export type Component = { type: string; properties: Property[]; components: Component[] }

/** Unfolds the content lines, checking CRLF and the 75-octet limit. */
export function contentLines(text: string): string[] {
  if (!text.endsWith('\r\n')) throw new Error('the feed must end with CRLF')
  const physical = text.slice(0, -2).split('\r\n')
  for (const line of physical) {
    if (line.includes('\n') || line.includes('\r')) throw new Error(`bare line break in ${JSON.stringify(line)}`)
    if (Buffer.byteLength(line) > 75) throw new Error(`line over 75 octets: ${line}`)
  }
  const lines: string[] = []
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (lines.length === 0) throw new Error('continuation before the first line')
      lines[lines.length - 1] += line.slice(1)
    } else lines.push(line)
  }
  return lines
}

/** name *(";" param "=" value) ":" value; parameter values may be quoted. */
export function parseLine(line: string): Property {
  const match = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*))*):(.*)$/.exec(line)
  if (!match) throw new Error(`not a content line: ${line}`)
  const params: Record<string, string> = {}
  for (const param of match[2]!.matchAll(/;([A-Za-z0-9-]+)=("[^"]*"|[^";:,]*)/g)) params[param[1]!.toUpperCase()] = param[2]!.replace(/^"|"$/g, '')
  return { name: match[1]!.toUpperCase(), params, value: match[3]! }
}

/** A TEXT value with its escapes undone. */
export function unescapeText(value: string): string {
  return value.replace(/\\(.)|[;,]/g, (whole, escaped: string | undefined) => {
    if (escaped === undefined) throw new Error(`unescaped ${whole} in ${value}`)
    if (escaped === 'n' || escaped === 'N') return '\n'
    if (escaped === '\\' || escaped === ';' || escaped === ',') return escaped
    throw new Error(`unknown escape \\${escaped}`)
  })
}

export function parseCalendar(text: string): Component {
  const stack: Component[] = []
  let root: Component | undefined
  for (const line of contentLines(text)) {
    const property = parseLine(line)
    if (property.name === 'BEGIN') {
      const component: Component = { type: property.value, properties: [], components: [] }
      if (stack.length > 0) stack[stack.length - 1]!.components.push(component)
      else if (root) throw new Error('a second top-level component')
      else root = component
      stack.push(component)
    } else if (property.name === 'END') {
      const open = stack.pop()
      if (!open || open.type !== property.value) throw new Error(`END:${property.value} does not close ${open?.type}`)
    } else {
      if (stack.length === 0) throw new Error(`property outside a component: ${line}`)
      stack[stack.length - 1]!.properties.push(property)
    }
  }
  if (!root || stack.length > 0) throw new Error('unbalanced BEGIN/END')
  return root
}

export const prop = (component: Component, name: string) => component.properties.find((property) => property.name === name)
export const text = (component: Component, name: string) => {
  const found = prop(component, name)
  return found ? unescapeText(found.value) : undefined
}
