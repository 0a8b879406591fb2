import { functionEntry } from '../adapters/cloudbase/entry'

// The `admin` cloud function (docs/api.md): dispatchers' and admins' actions.
export const main = functionEntry('admin')
