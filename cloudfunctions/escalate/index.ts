import { jobEntry } from '../adapters/cloudbase/entry'

// The `escalate` timer function, every 5 minutes around the clock (CloudBase timers run in
// UTC+8): tasks past 80% of their deadline warn their holder, tasks past it go one level up,
// red ones past it are marked for supervision (app/jobs/escalate.ts). Deadlines fall in
// working hours, so most runs find nothing and cost one query.
export const main = jobEntry('escalate')
