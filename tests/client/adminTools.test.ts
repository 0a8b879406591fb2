import { ADMIN_ROLES, ADMIN_TOOLS, hasAdminTools, toolsFor } from '../../client/src/admin/tools'
import { ROLES } from '../../shared/roles'

// required rather than imported: the client's typecheck (ES2020 library) would take in the
// server's files with it, which are written for Node 22
const { POLICY } = jest.requireActual('../../cloudfunctions/app/policy') as { POLICY: { admin: Record<string, { roles: readonly string[] }> } }

test('the console names the same roles for each admin action as the server policy table', () => {
  const actions = ADMIN_TOOLS.flatMap((t) => t.actions)
  for (const action of actions) {
    const policy = POLICY.admin[action]
    expect(policy).toBeDefined()
    expect([...ADMIN_ROLES[action]].sort()).toEqual([...policy.roles].sort())
  }
})

test.each([
  ['district_admin', ['网格地图导入', '人员名单导入', '楼栋房屋导入', '人员与绑定码', '请假与代班']],
  ['street_dispatcher', ['人员与绑定码', '请假与代班']],
  ['community_dispatcher', ['人员与绑定码', '请假与代班']],
  ['grid_leader', []],
  ['grid_worker', []],
  ['resident', []],
  ['volunteer', []],
] as const)('a %s sees the tools %j', (role, titles) => {
  expect(toolsFor(role).map((t) => t.title)).toEqual(titles)
  expect(hasAdminTools(role)).toBe(titles.length > 0)
})

test('every role is covered by the table above', () => {
  expect(ROLES).toHaveLength(7)
})

test('the home page shows 管理后台 to exactly the roles that have a tool there (it asks isOfficeRole, so the tool list stays out of the main package)', () => {
  const { ROLES } = require('../../shared/roles') as typeof import('../../shared/roles')
  const { isOfficeRole } = require('../../shared/roles') as typeof import('../../shared/roles')
  const { hasAdminTools } = require('../../client/src/admin/tools') as typeof import('../../client/src/admin/tools')
  for (const role of ROLES) expect([role, isOfficeRole(role)]).toEqual([role, hasAdminTools(role)])
})
