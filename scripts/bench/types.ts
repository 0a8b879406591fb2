// The shapes every bench module shares, and the small statistics they all need.

/** One measured figure. `met` is null when the row has no goal or could not be measured. */
export interface Row {
  name: string
  value: number | string
  unit: string
  goal: string
  met: boolean | null
  note: string
}

export interface Section {
  id: string
  title: string
  /** what the section measures and how, a few lines for the doc */
  how: string[]
  rows: Row[]
  seconds: number
}

export interface BenchOptions {
  quick: boolean
  /** run the production builds (weapp, functions) before measuring their sizes */
  build: boolean
  /** a scratch folder on the same disk as the data folder would be; removed afterwards */
  tmpDir: string
}

export type SectionRun = (opts: BenchOptions, log: (line: string) => void) => Promise<Omit<Section, 'id' | 'seconds'>>

export const row = (name: string, value: number | string, unit: string, extra: Partial<Pick<Row, 'goal' | 'met' | 'note'>> = {}): Row => ({
  name, value, unit, goal: extra.goal ?? '', met: extra.met ?? null, note: extra.note ?? '',
})

/** A row for something that could not be measured this run, with the reason. */
export const missing = (name: string, reason: string, goal = ''): Row => ({ name, value: '—', unit: '', goal, met: null, note: reason })

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]
}

export function median(values: number[]): number {
  return percentile(Float64Array.from(values).sort(), 50)
}

export const sortedCopy = (values: ArrayLike<number>) => Float64Array.from(values).sort()

export const hrMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6

/** Keeps a value alive and observable so the optimiser cannot drop the work behind it. */
export let sink = 0
export const consume = (n: number) => {
  sink = (sink + n) | 0
}
