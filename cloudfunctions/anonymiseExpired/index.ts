import { jobEntry } from '../adapters/cloudbase/entry'

// The `anonymiseExpired` timer function, hourly from 00:30 to 06:30 (CloudBase timers run in
// UTC+8): personal data of move-outs, rejections and withdrawals past GRIDLINK_RETENTION_DAYS
// is anonymised (app/jobs/anonymiseExpired.ts). Night hours, when its writes take nothing from
// anyone; seven runs, because one run's 45 s (writes spaced 50 ms) anonymise about 500
// residents and a street's declaration drive moves out ~730 a day.
export const main = jobEntry('anonymiseExpired')
