import React from 'react'

import type { Site } from '../../payload-types.ts'

import { assetPath } from '../paths.ts'
import { Layout } from './Layout.tsx'

type MessagePageProps = { site?: Site; title: string; message: string; origin?: string }

/** Error and notice pages (400, 404, 500), with or without a resolved site. */
export function MessagePage({ site, title, message, origin = '' }: MessagePageProps) {
  const body = (
    <section className="message">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">Về trang chủ</a>
      </p>
    </section>
  )
  if (site) {
    return (
      <Layout site={site} navigation={[]} meta={{ title, canonical: `${origin}/`, noindex: true }}>
        {body}
      </Layout>
    )
  }
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <link rel="stylesheet" href={assetPath('site.css')} />
      </head>
      <body>
        <main className="container">{body}</main>
      </body>
    </html>
  )
}
