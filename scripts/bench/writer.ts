import os from 'node:os'
import type { Row, Section } from './types'

// Renders docs/benchmarks.md: the machine, the goals at a glance, then one table per section.

export interface Machine {
  date: string
  cpu: string
  cores: number
  memoryGB: number
  node: string
  os: string
  loadStart: number
  loadEnd: number
}

export function machineNow(): Omit<Machine, 'loadEnd'> {
  const cpus = os.cpus()
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    loadStart: os.loadavg()[0],
  }
}

export function formatValue(value: number | string, unit: string): string {
  if (typeof value === 'string') return value
  if (!Number.isFinite(value)) return 'n/a'
  const abs = Math.abs(value)
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 0.1 ? 2 : 3
  const text = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
  if (unit === '×') return `${text}×`
  return unit ? `${text} ${unit}` : text
}

/** A section may add one table of its own (columns × rows) after its measures. */
export interface Table { columns: string[]; rows: (string | number)[][] }
const tableOf = (s: Section) => (s as Section & { table?: Table }).table

const met = (r: Row) => (r.met === null ? '—' : r.met ? 'met' : '**not met**')
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')

export interface Run {
  machine: Machine
  quick: boolean
  seconds: number
  note: string
  sections: Section[]
}

export function renderMarkdown(run: Run): string {
  const { machine: m } = run
  const minutes = `${Math.floor(run.seconds / 60)} min ${Math.round(run.seconds % 60)} s`
  const out: string[] = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (scripts/bench/): every run rewrites this file, so do not edit it by hand.',
    'Each figure comes from one run on the machine below. A ratio divides two figures from that same',
    'run, so ratios carry across machines better than absolute numbers do. No test asserts any figure.',
    '',
  ]
  if (run.note) out.push(`> ${run.note}`, '')
  if (run.quick) out.push('> Quick mode: dev-sized inputs. These figures do not answer the goals; run `npm run bench` for those.', '')
  out.push(
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| Date | ${m.date} |`,
    `| CPU | ${m.cpu}, ${m.cores} cores |`,
    `| Memory | ${m.memoryGB.toFixed(1)} GB |`,
    `| Node | ${m.node} |`,
    `| OS | ${m.os} |`,
    `| Load average (1 min) at start / end | ${m.loadStart.toFixed(2)} / ${m.loadEnd.toFixed(2)} |`,
    `| Mode | ${run.quick ? 'quick (`--quick`)' : 'full'} |`,
    `| Bench run time | ${minutes} |`,
    '',
    '## Goals at a glance',
    '',
    '| Section | Measure | Value | Goal | Met |',
    '|---|---|---:|---|---|',
  )
  for (const s of run.sections) {
    for (const r of s.rows.filter((x) => x.goal)) out.push(`| ${cell(s.title)} | ${cell(r.name)} | ${cell(formatValue(r.value, r.unit))} | ${cell(r.goal)} | ${met(r)} |`)
  }
  for (const s of run.sections) {
    out.push('', `## ${s.title}`, '')
    for (const line of s.how) out.push(`- ${line}`)
    out.push('', '| Measure | Value | Goal | Met | Note |', '|---|---:|---|---|---|')
    for (const r of s.rows) out.push(`| ${cell(r.name)} | ${cell(formatValue(r.value, r.unit))} | ${cell(r.goal || '—')} | ${met(r)} | ${cell(r.note)} |`)
    const table = tableOf(s)
    if (table) {
      out.push('', `| ${table.columns.map(cell).join(' | ')} |`, `|${table.columns.map((_, i) => (table.rows.every((r) => typeof r[i] === 'number') ? '---:' : '---')).join('|')}|`)
      for (const r of table.rows) out.push(`| ${r.map((v) => cell(String(v))).join(' | ')} |`)
    }
    out.push('', `_Section time: ${s.seconds.toFixed(0)} s._`)
  }
  out.push(
    '',
    '## Running it',
    '',
    '- `npm run bench`: the full suite (about 6 minutes on 2 cores, inside the 10-minute budget; the escalation section\'s 1,000,000-task store takes about 2½ of them); runs the production builds it measures, then rewrites this file.',
    '- `BENCH_ESCALATION_TASKS=200000 npm run bench -- --only=escalation`: the escalation sweep over another size of store (1% of it overdue); the figures here are from 1,000,000.',
    '- `npm run bench -- --quick` (or `BENCH_QUICK=1`): dev-sized inputs (2,000 grids / 100,000 points, 100,000 tasks, 5 s of measured load); prints the tables and leaves this file alone unless `--out=FILE` is given.',
    '- The submission load comes from wrk (`apt-get install -y wrk`) when it is on the PATH, else from autocannon in the bench process, which takes several times more of the CPU the host shares; the submissions table names the generator used and its CPU per request.',
    '- `--only=routing,import,inbox` runs some sections and prints them; add `--update` to replace those sections in this file and keep the others (a note says when and under what load); `--no-build` measures the builds already on disk; `--note="…"` adds a line under the title.',
    '- The PostGIS rows need Debian\'s PostgreSQL with PostGIS (`apt-get install -y postgresql postgis`); without them they are skipped with a note.',
    '- Each section runs in its own Node process (`--expose-gc`) so one section\'s heap and JIT state do not colour the next.',
    '- Adding rows: a module under `scripts/bench/` that exports a `SectionRun` returning rows `{ name, value, unit, goal, met, note }`, listed in `SECTIONS` in `scripts/bench/run.ts`.',
    '',
  )
  return out.join('\n')
}

/** A compact plain-text view for the terminal. */
export function renderConsole(sections: Section[]): string {
  const lines: string[] = []
  for (const s of sections) {
    lines.push('', s.title)
    for (const r of s.rows) {
      const flag = r.met === null ? '' : r.met ? '  [met]' : '  [NOT MET]'
      lines.push(`  ${r.name.padEnd(48)} ${formatValue(r.value, r.unit).padStart(22)}${r.goal ? `  goal ${r.goal}` : ''}${flag}${r.note ? `  (${r.note})` : ''}`)
    }
    const table = tableOf(s)
    if (table) {
      const width = table.columns.map((c, i) => Math.max(c.length, ...table.rows.map((r) => String(r[i]).length)))
      const numeric = table.columns.map((_, i) => table.rows.every((r) => typeof r[i] === 'number'))
      for (const r of [table.columns, ...table.rows]) lines.push(`  ${r.map((v, i) => (numeric[i] ? String(v).padStart(width[i]) : String(v).padEnd(width[i]))).join('  ').trimEnd()}`)
    }
  }
  return lines.join('\n')
}
