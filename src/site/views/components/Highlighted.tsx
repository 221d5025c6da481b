import React from 'react'

import { highlight } from '../../../search/highlight.ts'

/** Text with the searched words marked, whatever their accents or case. */
export function Highlighted({ text, words }: { text: string; words: string[] }) {
  return (
    <>
      {highlight(text, words).map((segment, index) => (segment.match ? <mark key={index}>{segment.text}</mark> : <React.Fragment key={index}>{segment.text}</React.Fragment>))}
    </>
  )
}
