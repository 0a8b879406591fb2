import { mediaCheckEntry } from '../adapters/cloudbase/entry'

// The `mediaCheck` cloud function: receives the wxa_media_check event (routed to it in the
// console's message push settings, docs/deploy.md) and records each photo's verdict.
export const main = mediaCheckEntry
