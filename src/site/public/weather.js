// Dự báo thời tiết: switch the place in place instead of jumping to its panel.
;(() => {
  for (const box of document.querySelectorAll('[data-weather-box]')) {
    const links = box.querySelectorAll('[data-weather-place]')
    const panels = box.querySelectorAll('.weather-panel')
    const show = (id) => {
      for (const panel of panels) panel.classList.toggle('is-active', panel.id === id)
      for (const link of links) {
        if (link.getAttribute('data-weather-place') === id) link.setAttribute('aria-current', 'true')
        else link.removeAttribute('aria-current')
      }
    }
    const initial = box.querySelector('.weather-panel:target') || box.querySelector('.weather-panel.is-default') || panels[0]
    box.setAttribute('data-js', '')
    if (initial) show(initial.id)
    for (const link of links) {
      link.addEventListener('click', (event) => {
        event.preventDefault()
        show(link.getAttribute('data-weather-place'))
      })
    }
  }
})()
