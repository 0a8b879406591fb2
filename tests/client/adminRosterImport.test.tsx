import './nutui'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { RosterImportResult } from '../../shared/api'
import { setTransport } from '../../client/src/api/transport'
import AdminRosterPage from '../../client/src/admin/roster/index'
import { ROSTER_EXAMPLE, ROSTER_HEADER } from '../../client/src/admin/roster/rosterFormat'
import { fakeTransport, ok } from './fakeTransport'

// required rather than imported: the import's reader runs on the server (Node 22 library), not in the client
const { parseRoster } = jest.requireActual('../../shared/roster/parseRoster') as { parseRoster: (text: string) => { rows: { role: string }[]; problems: RosterImportResult['problems'] } }

const text = (id: string) => document.getElementById(id)?.textContent ?? ''
const disabled = (id: string) => document.getElementById(id)!.className.includes('nut-button-disabled')
const click = async (id: string) => { await act(async () => { fireEvent.click(document.getElementById(id)!) }) }

async function pick(content: string) {
  const file = new File([content], 'roster.csv', { type: 'text/csv' })
  await act(async () => { fireEvent.change(document.getElementById('roster-file-input')!, { target: { files: [file] } }) })
  await waitFor(() => expect(text('roster-file')).toContain('已选择：roster.csv'))
}

test('the page shows the expected columns in order and an example starting with the header', () => {
  setTransport(fakeTransport(() => ok({})).transport)
  render(<AdminRosterPage />)
  // no 照片 column: photos are uploaded on the staff page
  expect(ROSTER_HEADER).toBe('姓名,工作电话,角色,所属编码,职责,办公时间')
  expect(text('roster-example').split('\n')[0]).toBe(ROSTER_HEADER)
  expect(document.getElementById('roster-template')!.getAttribute('download')).toBe('人员名单模板.csv')
})

test('the example the page offers is a roster the import reads without a problem', () => {
  const parsed = parseRoster(ROSTER_EXAMPLE)
  expect(parsed.problems).toEqual([])
  expect(parsed.rows.map((r) => r.role)).toEqual(['grid_worker', 'grid_leader', 'community_dispatcher'])
})

test('row problems name their row and column, and the import stays disabled until the file is fixed', async () => {
  const broken: RosterImportResult = {
    applied: false,
    problems: [{ row: 3, column: '工作电话', message: '第3行：工作电话 1390000 不是有效的电话号码' }, { row: 5, column: '所属编码', message: '第5行：网格 440304005001009 不存在' }],
    plan: { added: ['张三（139****0001）'], changed: [], unchanged: [] },
  }
  const clean: RosterImportResult = { applied: false, problems: [], plan: { added: ['张三（139****0001）', '李四（139****0002）'], changed: [], unchanged: [] } }
  const answers = [broken, clean, { ...clean, applied: true }]
  const fake = fakeTransport(() => ok(answers.shift()))
  setTransport(fake.transport)
  render(<AdminRosterPage />)
  await pick(`${ROSTER_HEADER}\n张三,1390000,网格员,440304005001001,,,`)
  await click('roster-preview')
  expect(fake.calls[0].body).toMatchObject({ action: 'importRoster', payload: { apply: false, csv: `${ROSTER_HEADER}\n张三,1390000,网格员,440304005001001,,,` } })
  expect(text('roster-problems')).toContain('第3行 · “工作电话”列')
  expect(text('roster-problems')).toContain('第5行 · “所属编码”列')
  expect(disabled('roster-apply')).toBe(true)

  await pick(`${ROSTER_HEADER}\n张三,13900000001,网格员,440304005001001,,,`)
  expect(disabled('roster-apply')).toBe(true)
  await click('roster-preview')
  expect(text('roster-plan-added')).toContain('新增人员：2 人')
  expect(disabled('roster-apply')).toBe(false)
  await click('roster-apply')
  expect(fake.calls[2].body.payload).toMatchObject({ apply: true })
  expect(text('roster-applied')).toContain('已导入 2 人')
})
