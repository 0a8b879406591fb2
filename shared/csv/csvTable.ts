import { parse } from 'csv-parse/sync'

// Reading an admin's CSV as Excel saves it (the staff roster, the building registry): UTF-8
// with or without a BOM, commas or the tabs of "Unicode 文本", a Chinese header whose columns
// are known by name and a few aliases, in any order. Every problem names the row as Excel
// shows it (the header is row 1; a cell with a line break inside quotes is still one row)
// and the column by its header, so an office can fix the whole file in one pass.

import { columnFinder, type CsvColumn, type CsvProblem, type CsvRow, type CsvWords } from './columns'

export { columnFinder, normalHeader, SCIENTIFIC, type CsvColumn, type CsvProblem, type CsvRow, type CsvWords } from './columns'

const fileProblem = (message: string, row = 0) => ({ rows: [], problems: [{ row, column: '', message }] })

/** The file's data rows (blank ones skipped) under a checked header, or the problems of the file as a whole. */
export function readCsvTable<F extends string>(text: string, columns: readonly CsvColumn<F>[], words: CsvWords): { rows: CsvRow<F>[]; problems: CsvProblem[] } {
  // A GBK file read as UTF-8 comes out with U+FFFD where its Chinese was (the admin pages try GBK first)
  if (text.includes('\uFFFD')) {
    return fileProblem('文件编码无法识别（可能是 GBK 编码）：请在 Excel 中"另存为"，文件类型选"CSV UTF-8（逗号分隔）"，再重新导入')
  }
  let records: { record: string[]; info: { records: number } }[]
  try {
    // `info` gives each record's number as Excel counts rows (csv-parse's types do not follow the option)
    records = parse(text, { bom: true, delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true, info: true }) as unknown as typeof records
  } catch (e) {
    const at = (e as { lines?: number }).lines
    return fileProblem(`文件不是有效的 CSV${at ? `（第${at}行附近引号不成对）` : ''}：请用 Excel 打开后另存为"CSV UTF-8（逗号分隔）"`, at ?? 0)
  }
  if (records.length === 0) return fileProblem(`文件是空的：第1行应为表头（${words.headerHint}）`)
  if (records.length > words.maxRows + 1) return fileProblem(words.tooMany)

  const header = readHeader(records[0].record, columns)
  if (!header.ok) return { rows: [], problems: header.problems }
  const index = header.index
  const rows = records
    .slice(1)
    .filter(({ record }) => !record.every((c) => c.trim() === ''))
    .map(({ record, info }): CsvRow<F> => ({
      row: info.records,
      cell: (field) => {
        const i = index.get(field)
        return i === undefined ? undefined : (record[i] ?? '').trim()
      },
    }))
  return { rows, problems: [] }
}

/** Excel saves CSV with commas; "Unicode 文本" gives tabs. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ','
}

type HeaderResult<F> = { ok: true; index: Map<F, number> } | { ok: false; problems: CsvProblem[] }

function readHeader<F extends string>(cells: string[], columns: readonly CsvColumn<F>[]): HeaderResult<F> {
  const columnOf = columnFinder(columns)
  const index = new Map<F, number>()
  const problems: CsvProblem[] = []
  cells.forEach((cell, i) => {
    const column = columnOf(cell)
    if (!column) return
    if (index.has(column.field)) problems.push({ row: 1, column: column.header, message: `表头中"${column.header}"列出现了两次（第${index.get(column.field)! + 1}列和第${i + 1}列）` })
    else index.set(column.field, i)
  })
  for (const c of columns) {
    if (c.required && !index.has(c.field)) problems.push({ row: 1, column: c.header, message: `表头缺少"${c.header}"列${c.aliases.length > 0 ? `（也可写作：${c.aliases.slice(0, 3).join('、')}）` : ''}` })
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, index }
}
