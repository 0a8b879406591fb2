// The local host's supervisor (`npm start`): runs the host, restarts it when it dies and
// says so, and gives up, exiting non-zero, when it keeps dying. A host that ends on a
// signal nobody sent through this supervisor has died too: the supervisor exits non-zero,
// so a process manager that restarts on failure restarts it.
import { spawn } from 'node:child_process'

/** Restarts allowed within the window before the supervisor gives up. */
export const MAX_RESTARTS = 5
export const WINDOW_MS = 60_000

/**
 * What to do when the host exited: 'stop' (we asked it to), 'restart' or 'give-up'.
 * `recent` are the times of the restarts already made.
 */
export function afterExit({ stopping, code, signal, recent, now }) {
  if (stopping) return code === 0 || signal === 'SIGINT' || signal === 'SIGTERM' ? 'stop' : 'give-up'
  const inWindow = recent.filter((t) => now - t < WINDOW_MS)
  return inWindow.length >= MAX_RESTARTS ? 'give-up' : 'restart'
}

export function supervise(command, args, env, log = console) {
  let child = null
  let stopping = false
  const restarts = []
  const start = () => {
    child = spawn(command, args, { stdio: 'inherit', env })
    log.error(`▶ GridLink host started (pid ${child.pid})`)
    child.on('exit', (code, signal) => {
      const decision = afterExit({ stopping, code, signal, recent: restarts, now: Date.now() })
      if (decision === 'stop') process.exit(0)
      const how = signal ? `signal ${signal}` : `exit code ${code}`
      if (decision === 'give-up') {
        log.error(`✖ the GridLink host stopped (${how})${stopping ? '' : ` and died ${MAX_RESTARTS} times within a minute`}; giving up`)
        process.exit(code || 1)
      }
      restarts.push(Date.now())
      log.error(`⚠ the GridLink host stopped (${how}); restarting it (restart ${restarts.length})`)
      setTimeout(start, 500)
    })
  }
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      stopping = true
      child?.kill(sig)
    })
  }
  start()
}
