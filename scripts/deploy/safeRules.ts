import { createHash, createHmac } from 'node:crypto'
import { COLLECTIONS } from '../../cloudfunctions/adapters/cloudbase/docs'

// Sets every collection's security rule to "nobody from a client" (DESIGN.md: the
// mini-program reads nothing directly; everything goes through the functions, whose
// server SDK the rules do not restrict). Tencent Cloud API 3.0, action ModifySafeRule
// (tcb, version 2018-06-08), signed with TC3-HMAC-SHA256; docs/deploy.md lists the rule.

export const CLIENT_RULE = { read: false, write: false } as const
const SERVICE = 'tcb'
const VERSION = '2018-06-08'

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s, 'utf8').digest()

/** The signed request of one API call (TC3-HMAC-SHA256), as fetch takes it. */
export function signedRequest(o: { host: string; action: string; payload: object; secretId: string; secretKey: string; timestamp: number }) {
  const body = JSON.stringify(o.payload)
  const date = new Date(o.timestamp * 1000).toISOString().slice(0, 10)
  const contentType = 'application/json; charset=utf-8'
  const canonical = ['POST', '/', '', `content-type:${contentType}\nhost:${o.host}\n`, 'content-type;host', sha256(body)].join('\n')
  const scope = `${date}/${SERVICE}/tc3_request`
  const toSign = ['TC3-HMAC-SHA256', String(o.timestamp), scope, sha256(canonical)].join('\n')
  const key = hmac(hmac(hmac(`TC3${o.secretKey}`, date), SERVICE), 'tc3_request')
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex')
  return {
    body,
    headers: {
      authorization: `TC3-HMAC-SHA256 Credential=${o.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`,
      'content-type': contentType,
      host: o.host,
      'x-tc-action': o.action,
      'x-tc-timestamp': String(o.timestamp),
      'x-tc-version': VERSION,
    },
  }
}

export async function applySafeRules(env: { envId: string; secretId: string; secretKey: string; endpoint?: string }, log = console.log) {
  const endpoint = env.endpoint ?? 'https://tcb.tencentcloudapi.com'
  const host = new URL(endpoint).host
  for (const name of Object.values(COLLECTIONS)) {
    const req = signedRequest({
      host, action: 'ModifySafeRule', secretId: env.secretId, secretKey: env.secretKey, timestamp: Math.floor(Date.now() / 1000),
      payload: { EnvId: env.envId, CollectionName: name, AclTag: 'CUSTOM', Rule: JSON.stringify(CLIENT_RULE) },
    })
    const res = await fetch(endpoint, { method: 'POST', headers: req.headers, body: req.body })
    const answer = (await res.json()) as { Response?: { Error?: { Code: string; Message: string } } }
    const error = answer.Response?.Error
    if (error) throw new Error(`${name}: ${error.Code} ${error.Message}`)
    log(`  security rule of ${name}: no client may read or write`)
  }
}

if (require.main === module) {
  const { GRIDLINK_TCB_ENV: envId, TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = process.env
  if (!envId || !secretId || !secretKey) {
    console.error('✖ security rules: set GRIDLINK_TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY')
    process.exit(1)
  }
  applySafeRules({ envId, secretId, secretKey }).catch((err) => {
    console.error(`✖ setting security rules failed: ${(err as Error).message}`)
    process.exit(1)
  })
}
