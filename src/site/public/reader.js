/*
 * Reader tools: font size A-/A/A+ and high contrast, kept in localStorage so they follow the
 * reader to every page; "copy link" and "print". Plain buttons, so the keyboard works as usual.
 */
(function () {
  var root = document.documentElement
  var SIZE_KEY = 'congtin-font-size'
  var CONTRAST_KEY = 'congtin-contrast'

  function save(key, value) {
    try {
      localStorage.setItem(key, value)
    } catch (error) {
      /* storage disabled: the choice lasts for this page only */
    }
  }

  function currentSize() {
    if (root.classList.contains('font-small')) return 'small'
    if (root.classList.contains('font-large')) return 'large'
    return 'normal'
  }

  function refresh() {
    var size = currentSize()
    document.querySelectorAll('[data-font-size]').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-font-size') === size))
    })
    document.querySelectorAll('[data-contrast]').forEach(function (button) {
      button.setAttribute('aria-pressed', String(root.classList.contains('contrast-high')))
    })
  }

  document.querySelectorAll('[data-font-size]').forEach(function (button) {
    button.addEventListener('click', function () {
      var size = button.getAttribute('data-font-size')
      root.classList.remove('font-small', 'font-large')
      if (size !== 'normal') root.classList.add('font-' + size)
      save(SIZE_KEY, size)
      refresh()
    })
  })

  document.querySelectorAll('[data-contrast]').forEach(function (button) {
    button.addEventListener('click', function () {
      var high = root.classList.toggle('contrast-high')
      save(CONTRAST_KEY, high ? 'high' : 'normal')
      refresh()
    })
  })

  document.querySelectorAll('[data-copy-link]').forEach(function (button) {
    if (!navigator.clipboard) return
    button.hidden = false
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(button.getAttribute('data-copy-link')).then(function () {
        button.textContent = 'Đã sao chép'
      })
    })
  })

  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false
    button.addEventListener('click', function () {
      window.print()
    })
  })

  refresh()
})()

/* "Lượt xem": the page may come from the cache; show the current number. */
;(function () {
  var views = document.querySelector('[data-views-source]')
  if (!views || !window.fetch) return
  fetch(views.getAttribute('data-views-source'), { cache: 'no-cache', headers: { Accept: 'application/json' } })
    .then(function (response) {
      return response.ok ? response.json() : null
    })
    .then(function (data) {
      var number = views.querySelector('[data-views]')
      if (data && typeof data.views === 'number' && number) number.textContent = new Intl.NumberFormat('vi-VN').format(data.views)
    })
    .catch(function () {})
})()
