import { CloudbaseIdentity } from '../../../cloudfunctions/adapters/cloudbase/identity'
import { docsReply, errorReply } from './captureServer'
import { useCaptureServer } from './sdkEnv'
import { dbRequest, long, T0, wireStore } from './wire'

// Who is calling: the OPENID from the function's context, mapped to a user by an
// identities document; a first-time WeChat account becomes a resident.
const cap = useCaptureServer()
const identity = () => {
  const store = wireStore()
  return new CloudbaseIdentity(store.db, { next: (p) => `${p}_new` }, { now: () => T0 }, (id) => store.reference.getUser(id))
}
const resident = { _id: 'u_other', openid: 'o_1', name: '张居民', role: 'resident', phone: '', gridIds: [] }

describe('caller identity', () => {
  it('takes the caller from the context’s OPENID and finds their user through the identities document', async () => {
    cap.server.once('database.getDocument', docsReply({ _id: 'o_1', userId: 'u_other' }), docsReply(resident))
    expect(await identity().caller({ getWXContext: () => ({ OPENID: 'o_1' }) })).toEqual({ id: 'u_other', name: '张居民', role: 'resident', phone: '', gridIds: [] })
    expect(cap.server.requests.map(dbRequest).map((r) => [r.collection, r.query])).toEqual([['identities', { _id: 'o_1' }], ['users', { _id: 'u_other' }]])
  })

  it('has no caller when the context names none', async () => {
    expect(await identity().caller({ getWXContext: () => ({}) })).toBeNull()
    expect(cap.server.requests).toEqual([])
  })

  it('registers a new account as a resident with no home grid, identity and user in one transaction', async () => {
    expect(await identity().resolve('o_new')).toEqual({ id: 'u_new', name: '微信用户', role: 'resident', phone: '', gridIds: [] })
    expect(cap.server.requests.map(dbRequest).slice(1)).toEqual([
      { action: 'database.startTransaction' },
      { action: 'database.insertDocument', collection: 'identities', data: [{ _id: 'o_new', userId: 'u_new', createdAt: long(T0) }], transactionId: 'tx1' },
      { action: 'database.insertDocument', collection: 'users', data: [{ _id: 'u_new', name: '微信用户', role: 'resident', phone: '', gridIds: [], openid: 'o_new' }], transactionId: 'tx1' },
      { action: 'database.commitTransaction', transactionId: 'tx1' },
    ])
  })

  it('uses the user another invocation registered for the same account at the same moment', async () => {
    cap.server.once('database.getDocument', docsReply(), docsReply({ _id: 'o_1', userId: 'u_other' }), docsReply(resident))
    cap.server.once('database.insertDocument', errorReply('DATABASE_DUPLICATE_WRITE'))
    expect((await identity().resolve('o_1')).id).toBe('u_other')
    expect(cap.server.actions()).toEqual([
      'database.getDocument', 'database.startTransaction', 'database.insertDocument', 'database.abortTransaction', 'database.getDocument', 'database.getDocument',
    ])
  })
})
