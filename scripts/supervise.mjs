// The local host's supervisor (`npm start`): runs the host, restarts it when it dies and
// says so, and gives up, exiting non-zero, when it keeps dying. A host that ends on a
// signal nobody sent through this supervisor has died too: the supervisor exits non-zero,
// so a process manager that restarts on failure restarts it. A host that refused to start
// (REFUSED_TO_START: its field keys cannot read its data) is not restarted: it would refuse
// again, and the reason would scroll away under five restarts.
import { spawn } from 'node:child_process'

/** Restarts allowed within the window before the supervisor gives up. */
export const MAX_RESTARTS = 5
export const WINDOW_MS = 60_000
/** The host's exit code for "refused to start, fix the configuration first" (EX_CONFIG; adapters/local/fieldKeys.ts). */
export const REFUSED_TO_START = 78

/**
 * What to do when the host exited: 'stop' (we asked it to), 'restart', 'give-up', or
 * 'refused' (it refused to start: restarting changes nothing).
 * `recent` are the times of the restarts already made.
 */
export function afterExit({ stopping, code, signal, recent, now }) {
  if (stopping) return code === 0 || signal === 'SIGINT' || signal === 'SIGTERM' ? 'stop' : 'give-up'
  if (code === REFUSED_TO_START) return 'refused'
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
      if (decision === 'refused') {
        log.error(`✖ the GridLink host refused to start (exit code ${code}); not restarting it: fix what it says above, then start again`)
        process.exit(code)
      }
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
