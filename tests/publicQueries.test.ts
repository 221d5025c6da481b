import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

/** Folders (and files) whose code answers anonymous readers. */
const PUBLIC_CODE = ['src/site', 'src/search', 'src/server', 'src/stats', 'src/polls', 'src/weather/queries.ts', 'src/weather/widget.ts']
/**
 * Votes are not public, yet a poll's tally, a voter's own vote and a used challenge are read for
 * readers. Such a call says why on the line above it (`// server rights: …`), so every one is seen
 * in review, and any other call without `overrideAccess: false` still fails here.
 */
const JUSTIFIED = /^\s*\/\/ server rights: \S/
const LOCAL_API_CALL = /payload\.(find|findByID|count|findGlobal)\(\{/g

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

describe('public code and access control', () => {
  it('calls the Local API with overrideAccess: false everywhere readers are served', () => {
    const calls: { where: string; argument: string }[] = []
    for (const dir of PUBLIC_CODE) {
      for (const file of sourceFiles(dir)) {
        const source = fs.readFileSync(file, 'utf8')
        for (const match of source.matchAll(LOCAL_API_CALL)) {
          const line = source.slice(0, match.index).split('\n').length
          if (JUSTIFIED.test(source.split('\n')[line - 2] ?? '')) continue
          calls.push({ where: `${file}:${line}`, argument: callArgument(source, match.index! + match[0].length - 1) })
        }
      }
    }
    expect(calls.length).toBeGreaterThan(10)
    const unguarded = calls.filter((call) => !/overrideAccess: false/.test(call.argument)).map((call) => call.where)
    expect(unguarded).toEqual([])
  })
})
