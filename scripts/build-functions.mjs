// `npm run build:functions`: one bundle per cloud function for CloudBase (DESIGN.md, "Two
// ways it runs"). Every folder under cloudfunctions/ with an index.ts is a function, so a
// job added later is picked up as it is. Each becomes build/functions/<name>/ with
//   index.js     the function and everything it imports, runnable without node_modules
//   package.json no dependencies: nothing is installed in the cloud
//   config.json  its open-API permissions and timer trigger (WeChat devtools reads it)
// and build/functions/cloudbaserc.json describes them all for the CloudBase CLI.
// A function's own function.json may declare:
//   { "openapi": ["subscribeMessage.send"], "timer": "0 */10 * * * * *", "timeout": 20, "memorySize": 256 }
// Flags: --out=DIR (default build/functions), --src=DIR (default cloudfunctions; for tests).
import { build } from 'esbuild'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const flag = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
const SRC = resolve(flag('src') ?? join(ROOT, 'cloudfunctions'))
const OUT = resolve(flag('out') ?? join(ROOT, 'build/functions'))
// shared code, not functions
const NOT_FUNCTIONS = new Set(['app', 'adapters', 'local'])
// CloudBase runs Node 16/18/20; 18 is the CLI's default runtime
const RUNTIME = { esbuild: 'node18', cloudbase: 'Nodejs18.15' }
// Settings passed on to the functions' environment when set at build time (docs/deploy.md)
const SETTINGS = ['GRIDLINK_MINIPROGRAM_STATE', 'GRIDLINK_SUBSCRIBE_TEMPLATES', 'GRIDLINK_IMPORT_CDN_HOSTS', 'GRIDLINK_SECRET', 'GRIDLINK_FIELD_KEYS', 'GRIDLINK_DECLARATION_VERIFY_MINUTES', 'GRIDLINK_RETENTION_DAYS']

function fail(message) {
  console.error(`✖ build:functions: ${message}`)
  process.exit(1)
}

/** function.json, checked: a typo here would only show up as a refused call in production. */
function readOptions(name) {
  const file = join(SRC, name, 'function.json')
  if (!existsSync(file)) return { openapi: [] }
  const o = JSON.parse(readFileSync(file, 'utf8'))
  const known = new Set(['openapi', 'timer', 'timeout', 'memorySize'])
  for (const key of Object.keys(o)) if (!known.has(key)) fail(`${name}/function.json: unknown key "${key}"`)
  if (o.openapi && !(Array.isArray(o.openapi) && o.openapi.every((a) => /^[a-zA-Z]+\.[a-zA-Z]+$/.test(a)))) fail(`${name}/function.json: openapi must list names like "subscribeMessage.send"`)
  // CloudBase timer triggers take 7 fields: second minute hour day month weekday year
  if (o.timer !== undefined && String(o.timer).trim().split(/\s+/).length !== 7) fail(`${name}/function.json: timer "${o.timer}" needs 7 cron fields (second minute hour day month weekday year)`)
  if (o.timeout !== undefined && !(Number.isInteger(o.timeout) && o.timeout >= 1 && o.timeout <= 60)) fail(`${name}/function.json: timeout must be 1–60 seconds`)
  return { openapi: [], ...o }
}

const names = readdirSync(SRC, { withFileTypes: true })
  .filter((e) => e.isDirectory() && !NOT_FUNCTIONS.has(e.name) && existsSync(join(SRC, e.name, 'index.ts')))
  .map((e) => e.name)
  .sort()
if (names.length === 0) fail('no function folders (cloudfunctions/<name>/index.ts) found')

const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version
const envVariables = Object.fromEntries(SETTINGS.filter((k) => process.env[k]).map((k) => [k, process.env[k]]))
const functions = []
rmSync(OUT, { recursive: true, force: true })
for (const name of names) {
  const options = readOptions(name)
  const dir = join(OUT, name)
  mkdirSync(dir, { recursive: true })
  await build({
    entryPoints: [join(SRC, name, 'index.ts')],
    outfile: join(dir, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: RUNTIME.esbuild,
    // Whitespace and syntax minified, identifiers kept: stack traces in the logs stay readable
    // without keepNames, whose __name() call on every function cost ~25% of a cold start's
    // require time (measured: 1.40 MB/240 ms with renamed identifiers and keepNames, 1.81 MB/190 ms so)
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
    // mime-types carries its own older copy of the mime-db table (140 KB of JSON); one copy,
    // the newer, serves both: a cold start parses it once instead of twice
    alias: { 'mime-db': './node_modules/mime-db' },
    absWorkingDir: ROOT,
  })
  const triggers = options.timer ? [{ name: `${name}Timer`, type: 'timer', config: options.timer }] : []
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `gridlink-${name}`, version, private: true, main: 'index.js' }, null, 2)}\n`)
  writeFileSync(join(dir, 'config.json'), `${JSON.stringify({ permissions: { openapi: options.openapi }, triggers }, null, 2)}\n`)
  functions.push({
    name,
    handler: 'index.main',
    runtime: RUNTIME.cloudbase,
    // the bundle carries its dependencies; installing them in the cloud would only add cold-start weight
    installDependency: false,
    timeout: options.timeout ?? 10,
    memorySize: options.memorySize ?? 256,
    ...(triggers.length ? { triggers } : {}),
    ...(Object.keys(envVariables).length ? { envVariables } : {}),
  })
}
const rc = { version: '2.0', envId: process.env.GRIDLINK_TCB_ENV || '{{env.GRIDLINK_TCB_ENV}}', functionRoot: '.', functions }
writeFileSync(join(OUT, 'cloudbaserc.json'), `${JSON.stringify(rc, null, 2)}\n`)
console.log(`built ${names.length} functions into ${OUT}: ${names.join(', ')}`)
