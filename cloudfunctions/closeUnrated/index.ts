import { jobEntry } from '../adapters/cloudbase/entry'

// The `closeUnrated` timer function: resolved cases not rated within 7 days close as unrated.
export const main = jobEntry('closeUnrated')
