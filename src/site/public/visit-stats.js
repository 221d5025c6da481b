// Thống kê truy cập: the page may come from the cache; show the current numbers.
;(() => {
  const box = document.querySelector('.visit-stats[data-source]')
  if (!box || !window.fetch) return
  const format = new Intl.NumberFormat('vi-VN')
  fetch(box.getAttribute('data-source'), { cache: 'no-cache', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .then((summary) => {
      if (!summary) return
      for (const cell of box.querySelectorAll('[data-stat]')) {
        const value = summary[cell.getAttribute('data-stat')]
        if (typeof value === 'number') cell.textContent = format.format(value)
      }
      box.setAttribute('data-live', 'true')
    })
    .catch(() => {})
})()
