import { functionEntry } from '../adapters/cloudbase/entry'

// The `user` cloud function (docs/api.md): its actions run through the shared action router.
export const main = functionEntry('user')
