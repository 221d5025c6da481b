import React from 'react'

/** Share links as plain addresses: no third-party script is loaded. "Sao chép" needs reader.js. */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const encodedUrl = encodeURIComponent(url)
  const encodedTitle = encodeURIComponent(title)
  return (
    <div className="share" role="group" aria-label="Chia sẻ bài viết">
      <span className="tools-label">Chia sẻ:</span>
      <a href={`https://www.facebook.com/sharer/sharer.php?u=${encodedUrl}`} rel="noopener noreferrer" target="_blank">
        Facebook
      </a>
      <a href={`https://sp.zalo.me/share_to?url=${encodedUrl}`} rel="noopener noreferrer" target="_blank">
        Zalo
      </a>
      <a href={`https://twitter.com/intent/tweet?url=${encodedUrl}&text=${encodedTitle}`} rel="noopener noreferrer" target="_blank">
        X
      </a>
      <button type="button" data-copy-link={url} hidden>
        Sao chép liên kết
      </button>
    </div>
  )
}
