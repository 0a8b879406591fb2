import { main as anonymiseExpired } from '../../../cloudfunctions/anonymiseExpired'
import { containerRuntime } from '../../../cloudfunctions/adapters/cloudbase/entry'
import { COLLECTIONS } from '../../../cloudfunctions/adapters/cloudbase/docs'
import { openRuntime } from '../../../cloudfunctions/adapters/cloudbase/runtime'
import { loadCloudbaseSettings } from '../../../cloudfunctions/adapters/cloudbase/settings'
import { declaration, person } from '../store/contract/declarations'
import { useWireDb } from './wireDb'

// The functions as deployed (openRuntime on the wire database) with what residence
// declarations need: the declarations and audit ports, their settings from the environment,
// and the daily retention timer function.
const wire = useWireDb()
const DAY = 86_400_000

describe('declarations in the CloudBase runtime', () => {
  it('gives the use cases the CloudBase declarations and audit log, and the declaration settings of the environment', async () => {
    const rt = openRuntime(loadCloudbaseSettings({ GRIDLINK_DECLARATION_VERIFY_MINUTES: '900', GRIDLINK_RETENTION_DAYS: '30' }))
    const deps = await rt.deps()
    expect(deps.declarations).toBe(rt.store.declarations)
    expect(deps.audit).toBe(rt.store.audit)
    expect(deps.config.declarations).toEqual({ verifyMinutes: 900, retentionDays: 30 })
    expect((await openRuntime(loadCloudbaseSettings({})).deps()).config.declarations).toEqual({ verifyMinutes: 1350, retentionDays: 180 })
  })

  it('anonymises what is past retention from the anonymiseExpired timer function, once', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined)
    try {
      const long = Date.now() - 181 * DAY
      const rejected = declaration('d_old', { status: 'rejected', dueAt: null, createdAt: long, updatedAt: long, persons: [person('p_1', '王芳', 'a')] })
      const recent = declaration('d_new', { status: 'withdrawn', dueAt: null, updatedAt: Date.now() - DAY })
      for (const d of [rejected, recent]) await containerRuntime().store.declarations.create({ requestKey: null, declaration: d, messages: [] })
      const from = wire.db.requests.length

      expect(await anonymiseExpired()).toEqual({ changed: 1, more: false })
      const old = (await containerRuntime().store.declarations.get('d_old'))!
      expect(old.persons.map((p) => [p.name, p.idNumber, p.phone])).toEqual([['已匿名', { token: '', index: '', masked: '' }, null]])
      expect(old.anonymisedAt).toEqual(expect.any(Number))
      expect((await containerRuntime().store.declarations.get('d_new'))!.persons[0].name).toBe('张伟')
      // the run wrote the one record and nothing else; the audit log is never touched
      const run = wire.db.requests.slice(from)
      expect(run.filter((r) => r.kind === 'write').map((r) => [r.action, r.collection])).toEqual([['database.modifyDocument', COLLECTIONS.declarations]])
      expect(run.filter((r) => r.collection === COLLECTIONS.auditLog)).toEqual([])

      expect(await anonymiseExpired()).toEqual({ changed: 0, more: false })
    } finally {
      log.mockRestore()
    }
  })
})
