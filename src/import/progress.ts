/**
 * A progress bar on stderr with the rate and the time left: redrawn in place on a terminal,
 * a line every 5 % otherwise (with --progress into a log).
 */
export function createProgress(total: number, enabled: boolean, stream: NodeJS.WriteStream = process.stderr, unit = 'pages') {
  const started = Date.now()
  let done = 0
  let lastStep = -1
  const render = () => {
    const seconds = (Date.now() - started) / 1000
    const rate = seconds > 0 ? done / seconds : 0
    const left = rate > 0 ? Math.round((total - done) / rate) : 0
    const width = 30
    const filled = total ? Math.round((done / total) * width) : width
    const eta = left >= 60 ? `${Math.floor(left / 60)} min ${left % 60} s` : `${left} s`
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} · ${rate.toFixed(1)} ${unit}/s · ${eta} left`
  }
  return {
    tick() {
      done++
      if (!enabled) return
      if (stream.isTTY) stream.write(`\r${render()}`)
      else {
        const step = Math.floor((done / Math.max(total, 1)) * 20)
        if (step !== lastStep) {
          lastStep = step
          stream.write(`${render()}\n`)
        }
      }
    },
    done() {
      if (enabled && stream.isTTY) stream.write('\n')
    },
  }
}
