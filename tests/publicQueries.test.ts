import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

/** Folders (and files) whose code answers anonymous readers. */
const PUBLIC_CODE = ['src/site', 'src/search', 'src/server', 'src/stats', 'src/polls', 'src/participation', 'src/documents/routes.ts', 'src/organisation', 'src/english', 'src/consultations', 'src/schedule/routes.ts', 'src/schedule/ical.ts', 'src/schedule/views', 'src/weather/queries.ts', 'src/weather/widget.ts']

/**
 * Every Local API operation, reached as `payload.x(` or `req.payload.x(`. Reads must pass
 * `overrideAccess: false` (the reader's access rules apply); any other call is a deliberate use of
 * the server's rights.
 */
const LOCAL_API_CALL =
  /\bpayload\.(find|findByID|findGlobal|findVersions|findVersionByID|count|countVersions|create|update|updateGlobal|delete|duplicate|restoreVersion)\(\{/g
/** The database adapter under Payload (`payload.db.x(`): no access rules at all. */
const ADAPTER_CALL = /\bpayload\.db\.(\w+)\(/g
/** SQL written by hand: a tagged `sql` template, or a statement sent to a client or pool. */
const RAW_SQL = /\bsql`|\.(execute|query)\(\s*[`'"](?:\s*)(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|DROP|PRAGMA)/gi

/**
 * A call that uses the server's rights is preceded by a comment block whose first line is
 * `// server rights: <what is read or written>` followed by why no private row reaches a reader,
 * at least six words in all (e.g. "// server rights: counts of valid votes of a poll the caller
 * could read; no vote leaves here"). The block may run over several comment lines; it ends on
 * the line above the call. A bare "// server rights:" or a single word does not count.
 */
const MARK = /^\s*\/\/ server rights: (.*)$/
const MARK_MIN_WORDS = 6

/**
 * Files that speak SQL by design, with the reason; anywhere else in public code, SQL needs the
 * mark above.
 */
const SQL_BY_DESIGN: Record<string, string> = {
  'src/site/readModel/sqlStore.ts': 'the read model: tables of published records only, written by the sync code',
  'src/stats/sqlCounterStore.ts': 'visit counters: adds counts with one upsert, reads sums; no content',
  'src/site/instances/pgRelay.ts': "PostgreSQL LISTEN/NOTIFY between instances: sends and receives purge notices, reads no table",
}

function* sourceFiles(dir: string): Generator<string> {
  if (fs.statSync(dir).isFile()) {
    yield dir
    return
  }
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* sourceFiles(full)
    else if (/\.tsx?$/.test(entry.name)) yield full
  }
}

/** The argument object of a call starting at `start` (at its opening brace), by brace counting. */
function callArgument(source: string, start: number): string {
  let depth = 0
  for (let index = start; index < source.length; index++) {
    if (source[index] === '{') depth++
    if (source[index] === '}' && --depth === 0) return source.slice(start, index + 1)
  }
  return source.slice(start)
}

/** Whether the comment block right above line `line` (1-based) carries a complete mark. */
export function isMarked(lines: string[], line: number): boolean {
  const block: string[] = []
  for (let index = line - 2; index >= 0 && /^\s*\/\//.test(lines[index]!); index--) block.unshift(lines[index]!)
  const start = block.findIndex((text) => MARK.test(text))
  if (start === -1) return false
  const words = block
    .slice(start)
    .map((text, index) => (index === 0 ? MARK.exec(text)![1]! : text.replace(/^\s*\/\/\s?/, '')))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean)
  return words.length >= MARK_MIN_WORDS
}

type Call = { where: string; text: string; marked: boolean }

function callsIn(pattern: RegExp, skip: (file: string) => boolean = () => false): Call[] {
  const calls: Call[] = []
  for (const dir of PUBLIC_CODE) {
    for (const file of sourceFiles(dir)) {
      if (skip(file)) continue
      const source = fs.readFileSync(file, 'utf8')
      const lines = source.split('\n')
      for (const match of source.matchAll(pattern)) {
        const line = source.slice(0, match.index).split('\n').length
        const text = match[0].endsWith('{') ? callArgument(source, match.index! + match[0].length - 1) : match[0]
        calls.push({ where: `${file}:${line}`, text: `${match[0]} ${text}`, marked: isMarked(lines, line) })
      }
    }
  }
  return calls
}

describe('public code and access control', () => {
  it('calls the Local API with overrideAccess: false everywhere readers are served, or says why not', () => {
    const calls = callsIn(LOCAL_API_CALL)
    expect(calls.length).toBeGreaterThan(10)
    const unguarded = calls.filter((call) => !call.marked && !/overrideAccess: false/.test(call.text)).map((call) => call.where)
    expect(unguarded).toEqual([])
  })

  it('marks every call to the database adapter, which applies no access rules', () => {
    const calls = callsIn(ADAPTER_CALL)
    expect(calls.length).toBeGreaterThan(0)
    expect(calls.filter((call) => !call.marked).map((call) => call.where)).toEqual([])
  })

  it('writes SQL only where it is the design, or says why', () => {
    const calls = callsIn(RAW_SQL, (file) => file in SQL_BY_DESIGN)
    expect(calls.filter((call) => !call.marked).map((call) => call.where)).toEqual([])
    // Each exemption is real: the file does hold SQL.
    for (const file of Object.keys(SQL_BY_DESIGN)) expect(new RegExp(RAW_SQL.source, 'i').test(fs.readFileSync(file, 'utf8')), file).toBe(true)
  })

  it('accepts only a complete mark', () => {
    const call = '  await payload.db.find({ collection: "x" })'
    expect(isMarked(['  // server rights: the ids of published rows; no field leaves here', call], 2)).toBe(true)
    expect(isMarked(['  // server rights: counts of valid votes of a poll', '  // the caller could read; no vote leaves here', call], 3)).toBe(true)
    expect(isMarked(['  // server rights:', call], 2)).toBe(false)
    expect(isMarked(['  // server rights: needed', call], 2)).toBe(false)
    expect(isMarked(['  // server rights: the ids of published rows; no field leaves here', '', call], 3)).toBe(false)
    expect(isMarked(['  // reads with server rights because it must', call], 2)).toBe(false)
  })
})
