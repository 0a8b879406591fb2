import { spawnSync, type SpawnSyncOptions } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import type { LngLat } from '../../shared/model'
import type { CityGrid } from '../../shared/routing/cityGenerator'
import { hrMs, median, missing, percentile, row, sortedCopy, type Row } from './types'

// The peer a GIS team would pick for point → grid: PostGIS, as FixMyStreet's MapIt uses it
// (polygons stored in a projected SRID, the incoming lng/lat point transformed once,
// ST_Contains over a GiST index), plus ST_DWithin for our near-border neighbours. The bench
// starts a throwaway cluster of Debian's postgresql + postgis packages on a unix socket in a
// temp dir, loads the same generated grids, answers the same points, and removes it all at
// the end. There is no Postgres client package here: psql runs the timed loop server-side
// (PL/pgSQL, clock_timestamp), and pgbench adds the figure with a client round trip.

/** UTM zone 50N: metres around Shenzhen (114° E), so ST_DWithin takes metres on a plain geometry index. */
const METRIC_SRID = 32650
const INSTALL_HINT = 'apt-get update && apt-get install -y postgresql postgresql-postgis (Debian: the PostGIS build for the default server, e.g. postgresql-15-postgis-3; the `postgis` package alone only recommends it)'

interface Binaries { bin: string; share: string; version: string; pgbench: boolean }

/** The newest PostgreSQL under /usr/lib/postgresql (Debian's layout) with PostGIS, or why not. */
export function findPostgis(base = '/usr/lib/postgresql', shareBase = '/usr/share/postgresql'): Binaries | { skip: string } {
  const versions = existsSync(base) ? readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : []
  const withServer = versions.filter((v) => ['initdb', 'pg_ctl', 'postgres', 'psql'].every((b) => existsSync(join(base, v, 'bin', b))))
  if (withServer.length === 0) return { skip: `skipped: PostgreSQL is not installed (no initdb/pg_ctl/postgres under ${base}/*/bin); to include this row: ${INSTALL_HINT}` }
  const v = withServer.find((x) => existsSync(`${shareBase}/${x}/extension/postgis.control`))
  if (!v) return { skip: `skipped: PostgreSQL ${withServer[0]} is installed but PostGIS is not; to include this row: apt-get install -y postgresql-${withServer[0]}-postgis-3` }
  return { bin: join(base, v, 'bin'), share: `${shareBase}/${v}`, version: v, pgbench: existsSync(join(base, v, 'bin', 'pgbench')) }
}

/** initdb and postgres refuse to run as root: as root, everything runs as `postgres` (else `nobody`). */
function serverUser(): { uid: number; gid: number; name: string } | null {
  if (process.getuid?.() !== 0) return null
  for (const name of ['postgres', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' })
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' })
    if (uid.status === 0 && gid.status === 0) return { uid: Number(uid.stdout), gid: Number(gid.stdout), name }
  }
  throw new Error('running as root, and neither a postgres nor a nobody user exists to run the server as')
}

export interface PostgisInput {
  grids: readonly CityGrid[]
  /** the routing bench's points; the first `sample` are answered */
  points: readonly LngLat[]
  sample: number
  /** seconds of pgbench (the client round-trip figure) */
  clientSeconds: number
  borderToleranceM: number
  nearestMaxM: number
  log: (line: string) => void
}

export interface PostgisFigures {
  version: string
  postgisVersion: string
  startMs: number
  loadMs: number
  indexMs: number
  invalid: number
  tableMB: number
  indexMB: number
  sample: number
  /** lookups/s of the server-side loop: median of three passes after a warm-up */
  rate: number
  p50Us: number
  p99Us: number
  /** per point of the sample: the grid (or null) and its neighbours, sorted */
  answers: { gridId: string | null; neighbours: string[] }[]
  client: { tps: number; p50Ms: number; p99Ms: number; transactions: number } | { error: string }
}

// One lookup, the router's steps 1 and 2 (router.ts): the grid containing the point with the
// other grids within the border tolerance, else the nearest grid within nearestMaxM. One GiST
// scan finds every grid within the tolerance and tells which contains the point; only a point
// in no grid pays the KNN (`<->`) scan. Ties go to the lowest id, as in the router.
const functionsSql = (tol: number, nearestMax: number) => `
CREATE FUNCTION route_point(lng float8, lat float8, OUT grid_id text, OUT outcome text, OUT neighbours text[])
LANGUAGE plpgsql STABLE AS $$
DECLARE
  pt geometry := ST_Transform(ST_SetSRID(ST_MakePoint(lng, lat), 4326), ${METRIC_SRID});
  near text[];
BEGIN
  SELECT (array_agg(g.id ORDER BY g.id) FILTER (WHERE ST_Contains(g.geom, pt)))[1], array_agg(g.id ORDER BY g.id)
    INTO grid_id, near FROM grids g WHERE ST_DWithin(g.geom, pt, ${tol});
  IF grid_id IS NULL THEN
    SELECT g.id INTO grid_id FROM grids g WHERE ST_DWithin(g.geom, pt, ${nearestMax}) ORDER BY g.geom <-> pt, g.id LIMIT 1;
    outcome := CASE WHEN grid_id IS NULL THEN 'dispatcher_queue' ELSE 'nearest_grid' END;
  END IF;
  neighbours := coalesce(array_remove(near, grid_id), '{}');
  IF outcome IS NULL THEN
    outcome := CASE WHEN cardinality(neighbours) > 0 THEN 'near_border' ELSE 'inside' END;
  END IF;
END $$;

-- lookups over the first n points, one route_point call each, timed inside the server (ms)
CREATE FUNCTION bench_pass(n int) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp(); p record; r record; acc bigint := 0;
BEGIN
  FOR p IN SELECT lng, lat FROM points WHERE id <= n ORDER BY id LOOP
    SELECT * INTO r FROM route_point(p.lng, p.lat);
    acc := acc + cardinality(r.neighbours);
  END LOOP;
  RETURN extract(epoch FROM clock_timestamp() - t0) * 1000 + 0 * acc;
END $$;

-- each call timed on its own (µs); returns p50 and p99 (nearest rank)
CREATE FUNCTION bench_latency(n int, OUT p50 float8, OUT p99 float8) LANGUAGE plpgsql AS $$
DECLARE p record; r record; t timestamptz; us float8[] := '{}';
BEGIN
  FOR p IN SELECT lng, lat FROM points WHERE id <= n ORDER BY id LOOP
    t := clock_timestamp();
    SELECT * INTO r FROM route_point(p.lng, p.lat);
    us := us || (extract(epoch FROM clock_timestamp() - t) * 1e6)::float8;
  END LOOP;
  SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY x), percentile_disc(0.99) WITHIN GROUP (ORDER BY x) INTO p50, p99 FROM unnest(us) x;
END $$;
`

/** Starts the cluster, measures, and always stops it and removes its folder. */
export function runPostgis(bins: Binaries, input: PostgisInput): PostgisFigures {
  const user = serverUser()
  const work = mkdtempSync(join(os.tmpdir(), 'gridlink-postgis-'))
  const data = join(work, 'data')
  const as: SpawnSyncOptions = { cwd: work, env: { PATH: process.env.PATH, HOME: work, LC_ALL: 'C', PGHOST: work, PGUSER: 'postgres', PGDATABASE: 'postgres' }, ...(user ? { uid: user.uid, gid: user.gid } : {}) }
  if (user) chownSync(work, user.uid, user.gid)
  let started = false
  const stop = () => {
    if (started) spawnSync(join(bins.bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], { ...as, stdio: 'ignore' })
    started = false
    rmSync(work, { recursive: true, force: true })
  }
  // run.ts ends a section that overruns with SIGTERM first: the server is in its own session
  // (pg_ctl detaches it), so the process group's kill would not reach it
  const onSignal = () => {
    stop()
    process.exit(143)
  }
  process.once('SIGTERM', onSignal)
  process.once('SIGINT', onSignal)

  const run = (cmd: string, args: string[], what: string, input?: string): string => {
    const r = spawnSync(join(bins.bin, cmd), args, { ...as, input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.signal}): ${`${r.stderr ?? ''}`.trim().split('\n').slice(-3).join(' / ').slice(0, 400)}`)
    return r.stdout as string
  }
  const psql = (sql: string, what: string) => run('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-f', '-'], what, sql)

  try {
    input.log(`PostGIS: starting a PostgreSQL ${bins.version} cluster in ${work}${user ? ` as ${user.name}` : ''}`)
    const t0 = process.hrtime.bigint()
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'], 'initdb')
    // unix socket only (listen_addresses empty): nothing listens on TCP; fsync off: a throwaway
    // cluster. Generic plans: by default PostgreSQL re-plans the lookup's queries on every call
    // (their custom plans look cheaper than the generic one), which about halves the rate here.
    const serverOpts = `-c listen_addresses='' -c unix_socket_directories='${work}' -c fsync=off -c max_parallel_workers_per_gather=0 -c plan_cache_mode=force_generic_plan`
    started = true
    run('pg_ctl', ['-D', data, '-l', join(work, 'server.log'), '-w', '-t', '60', '-o', serverOpts, 'start'], 'pg_ctl start')
    const startMs = hrMs(t0)

    // the same grids (GeoJSON text per grid) and the same points (shortest round-trip decimals, so bit-identical doubles)
    writeFileSync(join(work, 'grids.tsv'), input.grids.map((g) => `${g.id}\t${JSON.stringify(g.geometry)}\n`).join(''))
    writeFileSync(join(work, 'points.tsv'), input.points.slice(0, input.sample).map((p, i) => `${i + 1}\t${p.lng}\t${p.lat}\n`).join(''))
    if (user) for (const f of ['grids.tsv', 'points.tsv']) chownSync(join(work, f), user.uid, user.gid)

    input.log(`PostGIS: loading ${input.grids.length.toLocaleString('en-US')} grids and building the GiST index`)
    const loadOut = psql(`
CREATE EXTENSION postgis;
CREATE TABLE grids_raw (id text, gj text);
CREATE TABLE points (id int PRIMARY KEY, lng float8, lat float8);
COPY points FROM '${join(work, 'points.tsv')}';
ANALYZE points;
SELECT 'mark', extract(epoch FROM clock_timestamp()) * 1000;
COPY grids_raw FROM '${join(work, 'grids.tsv')}';
CREATE TABLE grids AS SELECT id, ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(gj), 4326), ${METRIC_SRID}) AS geom FROM grids_raw;
ALTER TABLE grids ADD PRIMARY KEY (id);
SELECT 'mark', extract(epoch FROM clock_timestamp()) * 1000;
CREATE INDEX grids_geom ON grids USING gist (geom);
ANALYZE grids;
SELECT 'mark', extract(epoch FROM clock_timestamp()) * 1000;
DROP TABLE grids_raw;
SELECT 'stats', count(*) FILTER (WHERE NOT ST_IsValid(geom)), pg_total_relation_size('grids'), pg_relation_size('grids_geom'), postgis_lib_version() FROM grids;
${functionsSql(input.borderToleranceM, input.nearestMaxM)}
`, 'loading the grids')
    const lines = loadOut.trim().split('\n').map((l) => l.split('|'))
    const marks = lines.filter((l) => l[0] === 'mark').map((l) => Number(l[1]))
    const stats = lines.find((l) => l[0] === 'stats')
    if (marks.length !== 3 || !stats) throw new Error(`unexpected psql output while loading: ${loadOut.slice(0, 300)}`)

    input.log(`PostGIS: ${input.sample.toLocaleString('en-US')} points, server-side loop`)
    const n = input.sample
    const timed = psql(`
SELECT 'warm', bench_pass(${n});
SELECT 'pass', bench_pass(${n});
SELECT 'pass', bench_pass(${n});
SELECT 'pass', bench_pass(${n});
SELECT 'latency', p50, p99 FROM bench_latency(${n});
`, 'the timed loop')
    const tl = timed.trim().split('\n').map((l) => l.split('|'))
    const passes = tl.filter((l) => l[0] === 'pass').map((l) => Number(l[1]))
    const latency = tl.find((l) => l[0] === 'latency')
    if (passes.length !== 3 || !latency) throw new Error(`unexpected psql output from the timed loop: ${timed.slice(0, 300)}`)

    const answersOut = psql(`COPY (SELECT p.id, coalesce(r.grid_id, ''), array_to_string(r.neighbours, ',') FROM points p, route_point(p.lng, p.lat) r ORDER BY p.id) TO STDOUT;`, 'reading the answers')
    const answers = answersOut.trim().split('\n').map((l) => {
      const [, grid, near] = l.split('\t')
      return { gridId: grid || null, neighbours: near ? near.split(',').sort() : [] }
    })

    let client: PostgisFigures['client'] = { error: 'pgbench is not installed (it comes with the postgresql-N package)' }
    if (bins.pgbench) {
      input.log(`PostGIS: ${input.clientSeconds} s of pgbench (one connection, prepared statement)`)
      writeFileSync(join(work, 'route.sql'), `\\set i random(1, ${n})\nSELECT r.* FROM points p, route_point(p.lng, p.lat) r WHERE p.id = :i;\n`)
      if (user) chownSync(join(work, 'route.sql'), user.uid, user.gid)
      try {
        const out = run('pgbench', ['-n', '-M', 'prepared', '-c', '1', '-j', '1', '-T', String(input.clientSeconds), '-f', join(work, 'route.sql'), '-l', '--log-prefix', join(work, 'pgbench')], 'pgbench')
        const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1])
        const logFile = readdirSync(work).find((f) => f.startsWith('pgbench.'))
        // per transaction: client_id transaction_no time(µs) script_no epoch epoch_us
        const us = logFile ? readFileSync(join(work, logFile), 'utf8').trim().split('\n').map((l) => Number(l.split(' ')[2])) : []
        const sorted = sortedCopy(us)
        client = Number.isFinite(tps) && us.length > 0
          ? { tps, p50Ms: percentile(sorted, 50) / 1000, p99Ms: percentile(sorted, 99) / 1000, transactions: us.length }
          : { error: `could not read pgbench's output: ${out.slice(0, 200)}` }
      } catch (error) {
        client = { error: (error as Error).message }
      }
    }

    return {
      version: bins.version,
      postgisVersion: stats[4],
      startMs,
      loadMs: marks[1] - marks[0],
      indexMs: marks[2] - marks[1],
      invalid: Number(stats[1]),
      tableMB: Number(stats[2]) / 1048576,
      indexMB: Number(stats[3]) / 1048576,
      sample: n,
      rate: n / (median(passes) / 1000),
      p50Us: Number(latency[1]),
      p99Us: Number(latency[2]),
      answers,
      client,
    }
  } finally {
    // the signal listeners stay: a SIGTERM that arrived during a blocking spawn (the group's
    // kill ends psql or pgbench first) is handled only after this, and must still end the section
    stop()
  }
}

export const postgisHow = (sample: number, clientSeconds: number, c: { borderToleranceM: number; nearestMaxM: number }) => [
  `PostGIS beside them, as a GIS team would set it up (FixMyStreet's MapIt works this way): a throwaway cluster of Debian's postgresql and postgis packages, started by the bench (initdb into a temp dir, \`pg_ctl start\` on a unix socket in that dir, nothing on TCP; fsync off, no parallel workers, and \`plan_cache_mode=force_generic_plan\`, without which the server re-plans the lookup's queries on every call at about half the rate; run as the \`postgres\` user when the bench runs as root), stopped and removed at the end, also on failure. The same grids go in with \`COPY\` and \`ST_GeomFromGeoJSON\`, transformed to UTM 50N (EPSG:${METRIC_SRID}, metres) as MapIt stores areas in a projected SRID, under a GiST index.`,
  `PostGIS lookup: the incoming lng/lat point is transformed once; one \`ST_DWithin(geom, point, ${c.borderToleranceM})\` GiST scan finds the grids within the border tolerance and \`ST_Contains\` picks the containing one (lowest id on a tie), the others are its neighbours; a point in no grid falls to the nearest grid within ${c.nearestMaxM} m by KNN (\`ORDER BY geom <-> point\`), as the router's steps 1 and 2 do.`,
  `PostGIS measured the router's way: there is no Postgres client package in the project, so one \`psql\` run calls a PL/pgSQL function that loops over the first ${sample.toLocaleString('en-US')} of the same points (a points table loaded with COPY) calling the lookup once per point, timed inside the server with \`clock_timestamp()\`: a warm-up pass, then the median of three passes; p50/p99 time each call the same way. No client round trip is in these figures, so they are PostGIS's best case; the agreement with the router is checked on every sampled point.`,
  `PostGIS through a client: pgbench (shipped with postgresql) on one connection over the unix socket, the lookup as a prepared statement on a random sampled point, ${clientSeconds} s; p50/p99 from its per-transaction log. This is what an application calling PostGIS per report pays.`,
]

export interface RouterSide {
  /** router.route's rate from the same run */
  rate: number
  route: (p: LngLat) => { gridId: string | null; neighbourGridIds: string[] }
  /** the router's distance (m) from the point to each grid within nearestMaxM */
  distances: (p: LngLat) => Map<string, number>
}

/** The rows beside the router's, from the same run. */
export function postgisRows(found: Binaries | { skip: string }, input: PostgisInput, router: RouterSide): Row[] {
  if ('skip' in found) return [missing('PostGIS lookups/s (ST_Contains + ST_DWithin, GiST)', found.skip), missing('Router vs PostGIS', found.skip)]
  let f: PostgisFigures
  try {
    f = runPostgis(found, input)
  } catch (error) {
    const reason = `PostGIS run failed: ${(error as Error).message}`
    return [missing('PostGIS lookups/s (ST_Contains + ST_DWithin, GiST)', reason), missing('Router vs PostGIS', reason)]
  }
  const n = (x: number) => x.toLocaleString('en-US')
  let sameGrid = 0
  let sameAll = 0
  let borderline = 0
  f.answers.forEach((a, i) => {
    const p = input.points[i]
    const r = router.route(p)
    const ours = [...r.neighbourGridIds].sort()
    if (r.gridId === a.gridId) sameGrid++
    if (r.gridId === a.gridId && ours.join(',') === a.neighbours.join(',')) return sameAll++
    // PostGIS measures in UTM metres, the router in local metres of the sphere: they differ by
    // a few parts in a thousand, so a grid right at the tolerance can be in one list and not
    // the other; and two grids equally near can tie either way
    const d = router.distances(p)
    const atTolerance = (id: string) => Math.abs((d.get(id) ?? Infinity) - input.borderToleranceM) < 0.5
    const inOne = [...new Set([...ours, ...a.neighbours])].filter((id) => ours.includes(id) !== a.neighbours.includes(id))
    const tie = r.gridId !== a.gridId && r.gridId && a.gridId && Math.abs((d.get(r.gridId) ?? Infinity) - (d.get(a.gridId) ?? -Infinity)) < 0.05
    if ((r.gridId === a.gridId || tie) && inOne.every((id) => id === r.gridId || id === a.gridId || atTolerance(id))) borderline++
  })
  const differ = f.sample - sameAll
  const rows: Row[] = [
    row('PostGIS lookups/s (ST_Contains + ST_DWithin, GiST)', f.rate, 'lookups/s', {
      note: `server-side PL/pgSQL loop, no client round trip; ${n(f.sample)} points: same grid as the router on ${n(sameGrid)}, same grid and neighbours on ${n(sameAll)}${differ > 0 ? ` (of the ${n(differ)} others, ${n(borderline)} are a grid within 0.5 m of the ${input.borderToleranceM} m tolerance or an exact tie)` : ''}; PostgreSQL ${f.version}, PostGIS ${f.postgisVersion}`,
    }),
    row('PostGIS lookup latency p50', f.p50Us, 'µs', { note: 'inside the server, per call' }),
    row('PostGIS lookup latency p99', f.p99Us, 'µs'),
    row('Router vs PostGIS', router.rate / f.rate, '×', { note: 'router.route rate ÷ PostGIS server-side rate, same run' }),
  ]
  if ('error' in f.client) rows.push(missing('PostGIS through a client (pgbench, 1 connection)', f.client.error))
  else {
    rows.push(
      row('PostGIS through a client (pgbench, 1 connection)', f.client.tps, 'lookups/s', { note: `prepared statement over the unix socket; p50 ${f.client.p50Ms.toFixed(3)} ms, p99 ${f.client.p99Ms.toFixed(3)} ms over ${n(f.client.transactions)} lookups` }),
      row('Router vs PostGIS through a client', router.rate / f.client.tps, '×', { note: 'same run' }),
    )
  }
  rows.push(
    row('PostGIS load (COPY + ST_GeomFromGeoJSON + ST_Transform)', f.loadMs, 'ms', { note: `${n(input.grids.length)} grids; ${f.invalid === 0 ? 'all valid' : `${n(f.invalid)} invalid`} by ST_IsValid; cluster initdb + start ${(f.startMs / 1000).toFixed(1)} s` }),
    row('PostGIS GiST index build (+ ANALYZE)', f.indexMs, 'ms', { note: `table ${f.tableMB.toFixed(1)} MB with its indexes, GiST index ${f.indexMB.toFixed(1)} MB` }),
  )
  return rows
}
