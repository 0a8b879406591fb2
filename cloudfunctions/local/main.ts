import { FieldKeyRefusal, REFUSED_EXIT_CODE } from '../adapters/local/fieldKeys'
import { loadSettings } from './config'
import { createHost } from './host'
import { JOB_INTERVAL_MS } from './scheduler'
import { openLocalStack } from './stack'
import { declarationSettingsOf } from '../app/declarations/settings'
import { workflowSettingsOf } from '../app/tasks/workflowSettings'
import { calendarBootLine } from '../../shared/calendar/calendarYears'

// `npm start` → this: the local stack on loopback, seeded on first start.
async function main() {
  const settings = loadSettings()
  const stack = await openLocalStack({
    dataDir: settings.GRIDLINK_DATA_DIR,
    seed: settings.GRIDLINK_SEED,
    jobIntervalMs: JOB_INTERVAL_MS,
    secret: settings.GRIDLINK_SECRET,
    sessionTtlMs: settings.GRIDLINK_SESSION_HOURS * 3_600_000,
    limits: settings.GRIDLINK_RATE_LIMITS,
    fieldKeys: settings.GRIDLINK_FIELD_KEYS,
    declarations: declarationSettingsOf(settings),
    workflow: workflowSettingsOf(settings),
  })
  console.log(calendarBootLine(stack.deps.calendar.years))
  const server = createHost(stack, { dev: settings.GRIDLINK_DEV, webDir: settings.GRIDLINK_WEB_DIR })
  server.listen(settings.PORT, settings.HOST, () => {
    const addr = server.address()
    const port = typeof addr === 'object' && addr ? addr.port : settings.PORT
    console.log(`GridLink local stack: http://${settings.HOST}:${port}/  (data: ${settings.GRIDLINK_DATA_DIR}${settings.GRIDLINK_DEV ? ', dev mode' : ''})`)
  })
  // in-flight writes are answered and committed before the process ends
  const stop = () => server.close(() => { stack.close().then(() => process.exit(0), () => process.exit(1)) })
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  // a restart would refuse again: the supervisor stops on this code instead of looping
  process.exit(err instanceof FieldKeyRefusal ? REFUSED_EXIT_CODE : 1)
})
