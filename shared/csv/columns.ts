// The columns of an admin's CSV file, known by name and a few aliases: what the admin pages
// show (the expected header, a template) and what the reader (csvTable.ts) matches. Kept apart
// from the reader so a page never bundles the CSV parser (it needs Node's Buffer).

/** A problem of an imported file: row 0 and column '' for the file as a whole. */
export interface CsvProblem { row: number; column: string; message: string }

export interface CsvColumn<F extends string> {
  field: F
  /** the name problems and docs use */
  header: string
  aliases: readonly string[]
  required: boolean
}

/** One data row: its number as Excel counts it, and a cell's trimmed text (undefined when its column is not in the file). */
export interface CsvRow<F extends string> { row: number; cell(field: F): string | undefined }

export interface CsvWords {
  /** what the header should hold, for an empty file: "姓名、工作电话、角色、所属编码" */
  headerHint: string
  /** the file holds more data rows than this */
  maxRows: number
  tooMany: string
}

/** Excel shows a long number in a General cell as 4.40304E+14, and saves the CSV that way. */
export const SCIENTIFIC = /^\d+(\.\d+)?E\+?\d+$/i

/** A header cell as typed: spaces, a required-marker star and a bracketed note ("姓名（必填）") do not matter. */
export const normalHeader = (cell: string) => cell.replace(/[\s*＊]/g, '').replace(/[（(][^）)]*[）)]$/, '')

/** The column a header cell names, among these. */
export function columnFinder<F extends string>(columns: readonly CsvColumn<F>[]): (cell: string) => CsvColumn<F> | undefined {
  const byName = new Map(columns.flatMap((c) => [c.header, ...c.aliases].map((n) => [n, c] as const)))
  return (cell) => byName.get(normalHeader(cell))
}
