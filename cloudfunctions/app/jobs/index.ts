import { anonymiseExpired } from './anonymiseExpired'
import { closeUnrated } from './closeUnrated'
import { escalate } from './escalate'
import type { Job } from './job'

/** Every scheduled job by name: one CloudBase timer function each, and the local scheduler runs them all. */
export const JOBS = { closeUnrated, anonymiseExpired, escalate } satisfies Record<string, Job>
export type JobName = keyof typeof JOBS
