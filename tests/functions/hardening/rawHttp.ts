import { connect } from 'node:net'

/** Sends raw bytes to the host and resolves with whatever it answers before closing (or after `waitMs`). */
export function rawRequest(port: number, chunks: (string | Buffer)[], opts: { endAfter?: boolean; waitMs?: number; gapMs?: number } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const received: Buffer[] = []
    const done = () => {
      socket.destroy()
      resolve(Buffer.concat(received).toString('utf8'))
    }
    socket.on('data', (d) => received.push(d))
    socket.on('error', done)
    socket.on('close', done)
    socket.on('connect', async () => {
      for (const c of chunks) {
        socket.write(c)
        if (opts.gapMs) await new Promise((r) => setTimeout(r, opts.gapMs))
      }
      if (opts.endAfter) socket.end()
    })
    setTimeout(done, opts.waitMs ?? 2000)
  })
}

export const statusOf = (raw: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0)
