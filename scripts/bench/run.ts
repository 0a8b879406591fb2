import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join, resolve } from 'node:path'
import { parseDoc, updatedRun } from './docUpdate'
import { missing, type BenchOptions, type Section, type SectionRun } from './types'
import { machineNow, renderConsole, renderMarkdown } from './writer'

// The bench runner. Without --section it runs every section, each in a fresh Node process
// (so heap figures and JIT state stay per section), then writes docs/benchmarks.md; with
// --only=… it prints only, and with --only=… --update it replaces those sections in the file.
// With --section=<id> it is that child: it runs one section and writes its rows as JSON.

const SECTIONS: Record<string, () => Promise<SectionRun>> = {
  routing: async () => (await import('./routing')).routing,
  import: async () => (await import('./gridImport')).gridImport,
  submissions: async () => (await import('./submissions')).submissions,
  inbox: async () => (await import('./inbox')).inbox,
  declarations: async () => (await import('./declarations')).declarations,
  sizes: async () => (await import('./sizes')).sizes,
  bundles: async () => (await import('./bundles')).bundles,
  cloudbase: async () => (await import('./cloudbaseCost')).cloudbaseCost,
  escalation: async () => (await import('./escalation')).escalation,
}

// generous: the whole full run takes a few minutes on 2 cores (BENCH_SECTION_TIMEOUT_MS: to try the timeout)
const SECTION_TIMEOUT_MS = Number(process.env.BENCH_SECTION_TIMEOUT_MS) || 8 * 60 * 1000
// an overrunning section gets SIGTERM first, so what it started outside its process group
// (the PostGIS server, which pg_ctl detaches) is stopped and its temp dir removed
const TERM_GRACE_MS = 10 * 1000
const DOC = resolve(__dirname, '../../docs/benchmarks.md')

function parseArgs(argv: string[]) {
  const flag = (name: string) => argv.includes(`--${name}`)
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
  const quick = flag('quick') || process.env.BENCH_QUICK === '1'
  const only = value('only')?.split(',').filter(Boolean)
  const unknown = only?.filter((id) => !(id in SECTIONS)) ?? []
  if (unknown.length > 0) throw new Error(`unknown section(s): ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`)
  const update = flag('update')
  if (update && (quick || !only)) throw new Error('--update replaces the sections of a partial run (--only=…) in docs/benchmarks.md: not with --quick, and a full run rewrites the file anyway')
  return {
    quick,
    // quick mode measures whatever builds are on disk unless asked to build
    build: flag('build') || (!quick && !flag('no-build')),
    only: only ?? Object.keys(SECTIONS),
    note: value('note') ?? process.env.BENCH_NOTE ?? '',
    update,
    out: value('out'),
    section: value('section'),
    result: value('result'),
  }
}

async function runChild(id: string, resultFile: string) {
  const opts = JSON.parse(process.env.BENCH_OPTIONS ?? '{}') as BenchOptions
  mkdirSync(opts.tmpDir, { recursive: true })
  const log = (line: string) => process.stderr.write(`[${id}] ${line}\n`)
  const started = process.hrtime.bigint()
  let section: Omit<Section, 'id' | 'seconds'>
  try {
    section = await (await SECTIONS[id]())(opts, log)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    log(`failed: ${error instanceof Error ? error.stack : message}`)
    section = { title: id, how: [], rows: [missing(`${id}: section failed`, message)] }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  writeFileSync(resultFile, JSON.stringify({ ...section, id, seconds }))
}

function runSection(id: string, opts: BenchOptions): Promise<Section> {
  const resultFile = join(opts.tmpDir, `${id}.json`)
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, `--section=${id}`, `--result=${resultFile}`], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, BENCH_OPTIONS: JSON.stringify({ ...opts, tmpDir: join(opts.tmpDir, id) }) },
      // its own process group, so a timeout also ends what the section started (the host)
      detached: true,
    })
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal)
      } catch {
        // the group is gone already
      }
    }
    let timedOut = false
    let kill: NodeJS.Timeout | undefined
    const timer = setTimeout(() => {
      process.stderr.write(`[${id}] timed out after ${(SECTION_TIMEOUT_MS / 60000).toFixed(1)} min; stopping it\n`)
      timedOut = true
      signalGroup('SIGTERM')
      kill = setTimeout(() => signalGroup('SIGKILL'), TERM_GRACE_MS)
    }, SECTION_TIMEOUT_MS)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      clearTimeout(kill)
      // whatever else of the group outlived the section's own process (a host that ignored SIGTERM)
      if (timedOut) signalGroup('SIGKILL')
      if (existsSync(resultFile)) return done(JSON.parse(readFileSync(resultFile, 'utf8')) as Section)
      done({ id, title: id, how: [], seconds: 0, rows: [missing(`${id}: section crashed`, `exit ${code ?? signal}`)] })
    })
  })
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  if (args.section) return runChild(args.section, args.result as string)

  const machine = machineNow()
  const tmpDir = mkdtempSync(join(os.tmpdir(), 'gridlink-bench-'))
  const opts: BenchOptions = { quick: args.quick, build: args.build, tmpDir }
  const started = Date.now()
  const sections: Section[] = []
  process.stderr.write(`bench: ${args.quick ? 'quick' : 'full'} run of ${args.only.join(', ')} on ${machine.cores} cores, Node ${machine.node}\n`)
  try {
    for (const id of args.only) sections.push(await runSection(id, opts))
  } finally {
    rmSync(tmpDir, { recursive: true, force: true })
  }
  const run = { machine: { ...machine, loadEnd: os.loadavg()[0] }, quick: args.quick, seconds: (Date.now() - started) / 1000, note: args.note, sections }
  process.stdout.write(renderConsole(sections) + '\n')
  // a partial or dev-sized run must not overwrite the full figures
  const complete = args.only.length === Object.keys(SECTIONS).length
  if (args.update) {
    const target = args.out ?? DOC
    const doc = existsSync(target) ? parseDoc(readFileSync(target, 'utf8')) : null
    if (!doc) {
      process.stdout.write(`\n(${target} left alone: it is missing or not a file this bench wrote; run the full bench first)\n`)
      return
    }
    writeFileSync(target, renderMarkdown(updatedRun(doc, run, `npm run bench -- ${process.argv.slice(2).filter((a) => !a.startsWith('--note=') && !a.startsWith('--out=')).join(' ')}`)))
    process.stdout.write(`\nupdated ${run.sections.map((s) => s.title).join(', ')} in ${target}\n`)
    return
  }
  const out = args.out ?? (complete && !args.quick ? DOC : undefined)
  if (out) {
    writeFileSync(out, renderMarkdown(run))
    process.stdout.write(`\nwrote ${out}\n`)
  } else {
    process.stdout.write('\n(docs/benchmarks.md left alone: quick or partial run; pass --update to replace these sections in it, or --out=FILE to write them alone)\n')
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
