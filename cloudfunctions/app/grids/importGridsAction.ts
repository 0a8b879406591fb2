import type { GridImportResult } from '../../../shared/api'
import type { User } from '../../../shared/model'
import { ok, type Result } from '../../../shared/result'
import type { ImportGridsInput } from '../../../shared/schemas/admin'
import type { Needs } from '../ports'
import { importGrids } from './importGrids'

// The admin page's grid import: the file arrives as text and is parsed here, so a file that
// is not JSON is reported like any other problem of the file (with what to fix), not refused.

export async function importGridsAction(deps: Needs<'reference'>, _caller: User, input: ImportGridsInput): Promise<Result<GridImportResult>> {
  let geojson: unknown
  try {
    geojson = JSON.parse(input.geojson)
  } catch (e) {
    const empty = { added: [], changed: [], unchanged: [], removed: [] }
    const why = e instanceof SyntaxError ? e.message : String(e)
    return ok({ applied: false, problems: [{ feature: -1, field: 'geojson', message: `文件不是有效的 GeoJSON（JSON 格式错误：${why}）` }], warnings: [], plan: empty, generation: null })
  }
  return ok(await importGrids(deps, { geojson, from: input.from, apply: input.apply }))
}
