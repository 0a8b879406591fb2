// `npm start`: build the H5 app if it is missing, then run the local host in dev mode under
// a supervisor that restarts it if it dies (scripts/supervise.mjs).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { supervise } from './supervise.mjs'

const web = `${process.env.GRIDLINK_WEB_DIR ?? 'client/dist/h5'}/index.html`
if (!existsSync(web) || process.env.GRIDLINK_REBUILD === '1') {
  console.log('Building the H5 app (first start, ~30 s)…')
  const r = spawnSync('npm', ['run', 'build:h5'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
supervise(process.execPath, ['--import', 'tsx', 'cloudfunctions/local/main.ts'], { GRIDLINK_DEV: '1', ...process.env })
