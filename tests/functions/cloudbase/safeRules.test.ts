import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { COLLECTIONS } from '../../../cloudfunctions/adapters/cloudbase/docs'
import { applySafeRules, CLIENT_RULE, signedRequest } from '../../../scripts/deploy/safeRules'

// The deploy step that closes every collection to clients: one signed ModifySafeRule call
// per collection, each with the rule that no client may read or write.
describe('database security rules at deploy', () => {
  it('signs a Tencent Cloud API 3.0 request with TC3-HMAC-SHA256 over its host and body', () => {
    const base = { host: 'tcb.tencentcloudapi.com', action: 'ModifySafeRule', secretId: 'AKIDexample', secretKey: 'secret', timestamp: 1_764_547_200 }
    const a = signedRequest({ ...base, payload: { EnvId: 'env-1', CollectionName: 'users' } })
    expect(a.headers.authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDexample\/2025-12-01\/tcb\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/)
    expect(a.headers).toMatchObject({ 'x-tc-action': 'ModifySafeRule', 'x-tc-version': '2018-06-08', 'x-tc-timestamp': '1764547200', host: 'tcb.tencentcloudapi.com' })
    const same = signedRequest({ ...base, payload: { EnvId: 'env-1', CollectionName: 'users' } })
    const other = signedRequest({ ...base, payload: { EnvId: 'env-1', CollectionName: 'tasks' } })
    expect(same.headers.authorization).toBe(a.headers.authorization)
    expect(other.headers.authorization).not.toBe(a.headers.authorization)
  })

  it('sets every collection to no client reads or writes, and stops on an API error', async () => {
    const seen: any[] = []
    let fail = false
    const server = createServer((req, res) => {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        seen.push({ action: req.headers['x-tc-action'], ...JSON.parse(body) })
        res.end(JSON.stringify(fail ? { Response: { Error: { Code: 'AuthFailure', Message: 'bad key' } } } : { Response: { RequestId: 'r' } }))
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      await applySafeRules({ envId: 'env-1', secretId: 'id', secretKey: 'key', endpoint }, () => undefined)
      expect(seen.map((s) => s.CollectionName).sort()).toEqual(Object.values(COLLECTIONS).sort())
      // the personal data of residence declarations (docs/privacy.md) among them, by name
      expect(seen.map((s) => s.CollectionName)).toEqual(expect.arrayContaining(['declarations', 'residents', 'id_index', 'register_counts', 'audit_log']))
      for (const s of seen) expect(s).toMatchObject({ action: 'ModifySafeRule', EnvId: 'env-1', AclTag: 'CUSTOM', Rule: JSON.stringify(CLIENT_RULE) })
      expect(JSON.parse(seen[0].Rule)).toEqual({ read: false, write: false })
      fail = true
      await expect(applySafeRules({ envId: 'env-1', secretId: 'id', secretKey: 'key', endpoint }, () => undefined)).rejects.toThrow(/AuthFailure/)
    } finally {
      server.close()
    }
  })
})
