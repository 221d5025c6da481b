import React from 'react'

import type { Video } from '../../payload-types.ts'
import type { PageContext } from './context.ts'

import { toEmbedUrl } from '../../lib/videoEmbed.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { VIDEOS_PATH, videoFilePath, videoPath } from '../paths.ts'
import { Breadcrumb } from './components/Breadcrumb.tsx'
import { mediaUrl, Picture } from './components/Picture.tsx'
import { absolute } from './context.ts'
import { Layout } from './Layout.tsx'

const posterOf = (video: Video) => (typeof video.poster === 'object' ? video.poster : undefined)

export function VideosPage({ context, videos }: { context: PageContext; videos: Video[] }) {
  return (
    <Layout site={context.site} navigation={context.navigation} meta={{ title: 'Tin video', canonical: absolute(context, VIDEOS_PATH) }}>
      <Breadcrumb crumbs={[{ label: 'Tin video' }]} />
      <h1 className="page-title">Tin video</h1>
      {videos.length === 0 ? <p>Chưa có video nào.</p> : null}
      <ul className="video-list">
        {videos.map((video) => (
          <li key={video.id}>
            <a href={videoPath(video.slug)}>
              <Picture media={posterOf(video)} size="card" sizes="(min-width: 720px) 280px, 50vw" alt="" />
              <span className="video-title">{video.title}</span>
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  )
}

/**
 * One video. An uploaded file plays in <video>; a platform link is embedded in an iframe only on
 * this page, so the home page loads nothing from third parties.
 */
export function VideoPage({ context, video }: { context: PageContext; video: Video }) {
  const embed = video.embedUrl ? toEmbedUrl(video.embedUrl) : undefined
  const poster = mediaUrl(posterOf(video), 'content')
  return (
    <Layout site={context.site} navigation={context.navigation} meta={{ title: video.title, description: video.caption ?? undefined, canonical: absolute(context, videoPath(video.slug)), type: 'article' }}>
      <Breadcrumb crumbs={[{ label: 'Tin video', href: VIDEOS_PATH }, { label: video.title }]} />
      <article className="article">
        <h1>{video.title}</h1>
        <p className="meta">Ngày đăng: {formatDateTime(video.publishedAt)}</p>
        <figure className="video-frame">
          {video.filename ? (
            <video controls preload="none" poster={poster} src={videoFilePath(video.filename)}>
              Trình duyệt không phát được video này. <a href={videoFilePath(video.filename)}>Tải video</a>.
            </video>
          ) : embed ? (
            <iframe src={embed} title={video.title} loading="lazy" allow="encrypted-media; picture-in-picture" allowFullScreen referrerPolicy="strict-origin-when-cross-origin" />
          ) : (
            <Picture media={posterOf(video)} size="content" sizes="100vw" alt={video.title} />
          )}
          {video.caption ? <figcaption>{video.caption}</figcaption> : null}
        </figure>
        {embed && !video.filename ? (
          <p>
            Nếu video không hiển thị, <a href={video.embedUrl!}>xem trên trang gốc</a>.
          </p>
        ) : null}
        <p className="back-link">
          <a href={VIDEOS_PATH}>Quay trở lại</a>
        </p>
      </article>
    </Layout>
  )
}
