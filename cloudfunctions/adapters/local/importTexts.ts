import { ok } from '../../../shared/result'
import type { ImportTexts } from '../../app/ports'

// The local host takes the file's text in the request body itself (the admin function's
// body may be 2 MB, cloudfunctions/local/http.ts), so there is never anything to download.
export const localImportTexts: ImportTexts = { resolve: async (value) => ok(value) }
