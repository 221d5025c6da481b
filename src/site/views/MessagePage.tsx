import React from 'react'

import type { Site } from '../../payload-types.ts'

import { EN } from '../../english/strings.ts'
import { assetPath, EN_HOME_PATH } from '../paths.ts'
import { Layout } from './Layout.tsx'

type MessagePageProps = { site?: Site; title: string; message: string; origin?: string; language?: 'en' | 'vi' }

/** Error and notice pages (400, 404, 500), with or without a resolved site. */
export function MessagePage({ site, title, message, origin = '', language = 'vi' }: MessagePageProps) {
  const english = language === 'en'
  const body = (
    <section className="message">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        {english ? <a href={EN_HOME_PATH}>{EN.errors.backHome}</a> : <a href="/">Về trang chủ</a>}
      </p>
    </section>
  )
  if (site) {
    return (
      <Layout site={site} navigation={[]} meta={{ title, canonical: `${origin}${english ? EN_HOME_PATH : '/'}`, noindex: true }} language={language}>
        {body}
      </Layout>
    )
  }
  return (
    <html lang={language}>
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
