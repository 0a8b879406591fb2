// `npm start`: build the H5 app if it is missing, then run the local host in dev mode.
import { spawnSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'

const web = 'client/dist/h5/index.html'
if (!existsSync(web) || process.env.GRIDLINK_REBUILD === '1') {
  console.log('Building the H5 app (first start, ~30 s)…')
  const r = spawnSync('npm', ['run', 'build:h5'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
const host = spawn(process.execPath, ['--import', 'tsx', 'cloudfunctions/local/main.ts'], {
  stdio: 'inherit',
  env: { GRIDLINK_DEV: '1', ...process.env },
})
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => host.kill(sig))
host.on('exit', (code) => process.exit(code ?? 0))
