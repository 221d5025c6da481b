/*
 * Opinion poll widget. The page (possibly from the cache) holds the question and options; this asks
 * the server whether this reader has voted, shows the ALTCHA confirmation (a proof of work solved by
 * the browser: nothing to read or type, works with a screen reader), sends the vote and shows the
 * answer and the results in a live region.
 */
(function () {
  var ALTCHA_STRINGS = JSON.stringify({
    label: 'Tôi không phải là người máy',
    verify: 'Xác nhận',
    verifying: 'Đang xác nhận…',
    verified: 'Đã xác nhận',
    verificationRequired: 'Vui lòng hoàn tất bước xác nhận.',
    error: 'Xác nhận không thành công. Vui lòng thử lại.',
    expired: 'Mã xác nhận đã hết hạn. Vui lòng xác nhận lại.',
    waitAlert: 'Đang xác nhận… vui lòng chờ trong giây lát.',
    ariaLinkLabel: 'ALTCHA',
    footer: '',
  })
  var altchaLoaded = null

  function loadAltcha() {
    if (!altchaLoaded) {
      var link = document.createElement('link')
      link.rel = 'stylesheet'
      link.href = '/assets/altcha/altcha.css'
      document.head.appendChild(link)
      altchaLoaded = import('/assets/altcha/altcha.js')
    }
    return altchaLoaded
  }

  function el(tag, className, text) {
    var node = document.createElement(tag)
    if (className) node.className = className
    if (text !== undefined) node.textContent = text
    return node
  }

  /** The same markup as the server's ResultBars. */
  function renderResults(container, results, caption) {
    container.textContent = ''
    if (!results) return
    var box = el('div', 'poll-results')
    box.appendChild(el('p', 'poll-results-caption', caption))
    var list = el('ul', 'poll-bars')
    results.rows.forEach(function (row) {
      var item = el('li', 'poll-bar-row')
      item.appendChild(el('span', 'poll-bar-label', row.label))
      item.appendChild(el('span', 'poll-bar-figures', row.countText + ' (' + row.shareText + ')'))
      var bar = el('span', 'poll-bar')
      bar.setAttribute('aria-hidden', 'true')
      var fill = el('span', 'poll-bar-fill')
      fill.style.width = (row.share * 100).toFixed(1) + '%'
      bar.appendChild(fill)
      item.appendChild(bar)
      list.appendChild(item)
    })
    box.appendChild(list)
    var total = el('p', 'poll-total', 'Tổng số: ')
    total.appendChild(el('strong', '', results.totalText))
    box.appendChild(total)
    box.appendChild(el('p', 'poll-period', 'Thời gian: ' + results.period))
    container.appendChild(box)
  }

  function labelsOf(form, ids) {
    return ids
      .map(function (id) {
        var input = form.querySelector('input[name="choice"][value="' + id + '"]')
        return input && input.parentNode ? input.parentNode.textContent.trim() : ''
      })
      .filter(Boolean)
      .join(', ')
  }

  function showVoted(root, form, choices, results, message) {
    var status = form.querySelector('[data-poll-status]')
    form.querySelectorAll('input, button').forEach(function (input) {
      input.disabled = true
    })
    var captcha = form.querySelector('[data-poll-captcha]')
    if (captcha) captcha.hidden = true
    var chosen = labelsOf(form, choices)
    status.textContent = (message || 'Bạn đã biểu quyết.') + (chosen ? ' Lựa chọn của bạn: ' + chosen + '.' : '')
    renderResults(root.querySelector('[data-poll-results]'), results, 'Kết quả tạm thời')
  }

  function setUp(root) {
    var base = root.getAttribute('data-poll')
    var form = root.querySelector('[data-poll-form]')
    if (!base || !form) return
    var status = form.querySelector('[data-poll-status]')
    var submit = form.querySelector('[data-poll-submit]')
    var captcha = form.querySelector('[data-poll-captcha]')
    var widget = null

    fetch(base + '/trang-thai', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        return response.ok ? response.json() : null
      })
      .then(function (state) {
        if (!state) return
        if (state.voted) return showVoted(root, form, state.choices, state.results)
        if (state.phase !== 'open') return
        return loadAltcha().then(function () {
          widget = document.createElement('altcha-widget')
          widget.setAttribute('challengeurl', base + '/ma-xac-nhan')
          widget.setAttribute('name', 'altcha')
          widget.setAttribute('hidelogo', '')
          widget.setAttribute('hidefooter', '')
          widget.setAttribute('strings', ALTCHA_STRINGS)
          captcha.appendChild(widget)
          submit.disabled = false
        })
      })
      .catch(function () {
        status.textContent = 'Không tải được cuộc thăm dò. Vui lòng tải lại trang.'
      })

    /** The widget's payload, solving the challenge first if the reader has not ticked the box. */
    function solution() {
      var field = form.querySelector('input[name="altcha"]')
      if (field && field.value) return Promise.resolve(field.value)
      status.textContent = 'Đang tính mã xác nhận…'
      return new Promise(function (resolve) {
        function done(event) {
          var state = event.detail && event.detail.state
          if (state === 'verified') {
            widget.removeEventListener('statechange', done)
            resolve(event.detail.payload)
          } else if (state === 'error' || state === 'expired') {
            widget.removeEventListener('statechange', done)
            resolve('')
          }
        }
        widget.addEventListener('statechange', done)
        widget.verify()
      })
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault()
      var choices = Array.prototype.map.call(form.querySelectorAll('input[name="choice"]:checked'), function (input) {
        return input.value
      })
      if (choices.length === 0) {
        status.textContent = 'Vui lòng chọn một phương án.'
        return
      }
      if (!widget) return
      submit.disabled = true
      solution()
        .then(function (payload) {
          if (!payload) throw new Error('captcha')
          var body = new URLSearchParams()
          choices.forEach(function (choice) {
            body.append('choice', choice)
          })
          body.append('altcha', payload)
          status.textContent = 'Đang gửi…'
          return fetch(base + '/binh-chon', { method: 'POST', body: body, headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        })
        .then(function (response) {
          return response.json().then(function (answer) {
            if (answer.outcome === 'accepted' || answer.outcome === 'flagged' || answer.outcome === 'duplicate') {
              showVoted(root, form, answer.choices || choices, answer.results, answer.message)
            } else {
              status.textContent = answer.message || 'Không gửi được phiếu. Vui lòng thử lại.'
              submit.disabled = false
              if (widget && widget.reset) widget.reset()
            }
          })
        })
        .catch(function () {
          status.textContent = 'Chưa xác nhận được. Vui lòng đánh dấu ô xác nhận rồi gửi lại.'
          submit.disabled = false
          if (widget && widget.reset) widget.reset()
        })
    })
  }

  document.querySelectorAll('[data-poll]').forEach(setUp)
})()
