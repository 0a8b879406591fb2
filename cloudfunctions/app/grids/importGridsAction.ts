import type { GridImportResult } from '../../../shared/api'
import type { User } from '../../../shared/model'
import { ok, type Result } from '../../../shared/result'
import { importGridsSchema, type ImportGridsInput } from '../../../shared/schemas/admin'
import { withImportText } from '../importText'
import type { Needs } from '../ports'
import { importGrids } from './importGrids'

// The admin page's grid import: the file arrives as text and is parsed here, so a file that
// is not JSON is reported like any other problem of the file (with what to fix), not refused.
// On CloudBase a large file arrives as a temporary CDN URL instead: fetched first (dispatch
// has checked the caller by then), then held to the schema's 900 KB like an inline one.

export async function importGridsAction(deps: Needs<'reference' | 'importTexts'>, _caller: User, input: ImportGridsInput): Promise<Result<GridImportResult>> {
  const sized = await withImportText(deps, importGridsSchema, input, { path: 'geojson', label: '网格边界文件' })
  if (!sized.ok) return sized
  let geojson: unknown
  try {
    geojson = JSON.parse(sized.value.geojson)
  } catch (e) {
    const empty = { added: [], changed: [], unchanged: [], removed: [] }
    const why = e instanceof SyntaxError ? e.message : String(e)
    return ok({ applied: false, problems: [{ feature: -1, field: 'geojson', message: `文件不是有效的 GeoJSON（JSON 格式错误：${why}）` }], warnings: [], plan: empty, generation: null })
  }
  return ok(await importGrids(deps, { geojson, from: input.from, apply: input.apply }))
}
