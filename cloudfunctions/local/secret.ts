import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

// The host's signing secret (photo links). Production mode is given one (GRIDLINK_SECRET)
// and refuses to start without it; dev mode makes one on first start and keeps it in the
// data folder, readable by its owner only, so links survive a restart.
export function devSecret(dataDir: string): string {
  const file = join(dataDir, 'secret.key')
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim()
    if (secret.length >= 32) return secret
    throw new Error(`${file} holds no usable secret (under 32 characters): remove it to make a new one`)
  }
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' })
  chmodSync(file, 0o600)
  return secret
}
