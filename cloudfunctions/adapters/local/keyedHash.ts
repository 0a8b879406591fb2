import { createHmac } from 'node:crypto'
import type { KeyedHash } from '../../app/ports'

// HMAC-SHA256 with the host's secret (the data folder's, or GRIDLINK_SECRET: secret.ts), the
// purpose prefixed so a binding code's hash is never a photo link's signature.
export class LocalKeyedHash implements KeyedHash {
  constructor(private readonly secret: string) {}

  async hash(purpose: string, value: string): Promise<string> {
    return createHmac('sha256', this.secret).update(`${purpose}\n${value}`, 'utf8').digest('hex')
  }
}
