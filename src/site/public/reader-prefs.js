/* Applies the reader's saved font size and contrast before the page is drawn (see reader.js). */
(function () {
  try {
    var root = document.documentElement
    var size = localStorage.getItem('congtin-font-size')
    if (size === 'small' || size === 'large') root.classList.add('font-' + size)
    if (localStorage.getItem('congtin-contrast') === 'high') root.classList.add('contrast-high')
  } catch (error) {
    /* storage disabled: defaults apply */
  }
})()
