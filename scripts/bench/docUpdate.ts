import type { Row, Section } from './types'
import type { Machine, Run, Table } from './writer'

// `--update`: a partial run (`--only=…`) replaces its sections in docs/benchmarks.md and keeps
// the others as the last full run wrote them, so one section can be re-measured without the
// whole suite. The existing file is read back from the markdown writer.ts wrote: its machine
// table, its notes and every section (values stay the text they were printed as).

const PARTIAL = 're-measured by a partial run'
const sectionsOf = (note: string) => [...note.matchAll(/“([^”]+)”/g)].map((x) => x[1])

export interface ParsedDoc { machine: Machine; seconds: number; quick: boolean; notes: string[]; sections: Section[] }

const unescape = (s: string) => s.replace(/\\\|/g, '|').trim()
const cellsOf = (line: string) => line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/).map(unescape)
const isTable = (line: string) => line.trim().startsWith('|')
const isRule = (line: string) => /^\|(\s*:?-+:?\s*\|)+$/.test(line.trim())

function parseTables(lines: string[]): string[][][] {
  const tables: string[][][] = []
  let current: string[][] | null = null
  for (const line of lines) {
    if (!isTable(line)) {
      current = null
      continue
    }
    if (isRule(line)) continue
    if (!current) tables.push((current = []))
    current.push(cellsOf(line))
  }
  return tables
}

/** Reads back a benchmarks.md that writer.ts rendered; null when it does not look like one. */
export function parseDoc(markdown: string): ParsedDoc | null {
  const blocks = markdown.split(/^## /m)
  const head = blocks[0]
  const byTitle = new Map(blocks.slice(1).map((b) => [b.slice(0, b.indexOf('\n')).trim(), b.slice(b.indexOf('\n') + 1)]))
  const machineBlock = byTitle.get('Machine')
  if (!machineBlock) return null
  const m = new Map((parseTables(machineBlock.split('\n'))[0] ?? []).map(([k, v]) => [k, v]))
  const cpu = /^(.*), (\d+) cores$/.exec(m.get('CPU') ?? '')
  const load = /^([\d.]+) \/ ([\d.]+)$/.exec(m.get('Load average (1 min) at start / end') ?? '')
  const time = /^(\d+) min (\d+) s$/.exec(m.get('Bench run time') ?? '')
  if (!cpu || !load || !time || !m.get('Date')) return null
  const machine: Machine = {
    date: m.get('Date')!, cpu: cpu[1], cores: Number(cpu[2]), memoryGB: Number.parseFloat(m.get('Memory') ?? ''),
    node: m.get('Node') ?? '', os: m.get('OS') ?? '', loadStart: Number(load[1]), loadEnd: Number(load[2]),
  }
  // notes: the quoted paragraphs under the title, except the quick-mode warning the writer adds itself
  const notes = head.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.startsWith('>'))
    .map((p) => p.split('\n').map((l) => l.replace(/^>\s?/, '')).join('\n').trim())
    // notes the writer quoted together (blank `>` lines between them) are separate notes again
    .flatMap((p) => p.split(/\n\s*\n/).map((n) => n.trim()))
    .filter((p) => p && !p.startsWith('Quick mode:'))
  const sections: Section[] = []
  for (const [title, body] of byTitle) {
    if (['Machine', 'Goals at a glance', 'Running it'].includes(title)) continue
    const lines = body.split('\n')
    const how = lines.filter((l) => l.startsWith('- ')).map((l) => l.slice(2))
    const [measures, extra] = parseTables(lines)
    if (!measures) continue
    const rows: Row[] = measures.slice(1).map(([name, value, goal, met, note]) => ({
      name, value, unit: '', goal: goal === '—' ? '' : goal, met: met === 'met' ? true : met === '**not met**' ? false : null, note: note ?? '',
    }))
    const seconds = Number(/_Section time: ([\d.]+) s\._/.exec(body)?.[1] ?? 0)
    const section: Section & { table?: Table } = { id: title, title, how, rows, seconds }
    if (extra) section.table = { columns: extra[0], rows: extra.slice(1).map((r) => r.map((c) => (/^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c))) }
    sections.push(section)
  }
  return { machine, seconds: Number(time[1]) * 60 + Number(time[2]), quick: m.get('Mode')?.startsWith('quick') ?? false, notes, sections }
}

/**
 * The doc's sections with this run's in place of those of the same title; a section new to
 * the doc goes after the one this run measured before it (else at the end). The machine
 * table stays the full run's; a note says what was re-measured, when, and under what load.
 */
export function updatedRun(doc: ParsedDoc, fresh: Run, command: string): Run {
  const sections = [...doc.sections]
  fresh.sections.forEach((s, i) => {
    const at = sections.findIndex((x) => x.title === s.title)
    if (at >= 0) return void (sections[at] = s)
    const before = i > 0 ? sections.findIndex((x) => x.title === fresh.sections[i - 1].title) : -1
    sections.splice(before >= 0 ? before + 1 : sections.length, 0, s)
  })
  const m = fresh.machine
  const note = `${m.date}: ${fresh.sections.map((s) => `“${s.title}”`).join(', ')} ${PARTIAL} (\`${command}\`, ${Math.round(fresh.seconds)} s, load average ${m.loadStart.toFixed(2)} / ${m.loadEnd.toFixed(2)}, ${m.cpu}, ${m.cores} cores, Node ${m.node}); the other sections are from the full run in the machine table.${fresh.note ? ` ${fresh.note}` : ''}`
  // an earlier update's note goes once every section it names is re-measured again
  const now = new Set(fresh.sections.map((s) => s.title))
  const kept = doc.notes.filter((n) => !(n.includes(PARTIAL) && sectionsOf(n).every((t) => now.has(t))))
  return { machine: doc.machine, quick: doc.quick, seconds: doc.seconds, note: [...kept, note].join('\n>\n> '), sections }
}
