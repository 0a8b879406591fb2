import './nutui'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { BuildingImportResult } from '../../shared/api'
import { setTransport } from '../../client/src/api/transport'
import AdminBuildingsPage from '../../client/src/admin/buildings/index'
import { BUILDINGS_EXAMPLE, BUILDINGS_HEADER } from '../../client/src/admin/buildings/buildingsFormat'
import { fakeTransport, ok } from './fakeTransport'

// required rather than imported: the import's reader runs on the server (Node 22 library), not in the client
const { parseBuildings } = jest.requireActual('../../shared/buildings/parseBuildings') as { parseBuildings: (text: string) => { buildings: { name: string; rooms: unknown[] }[]; problems: BuildingImportResult['problems'] } }

const text = (id: string) => document.getElementById(id)?.textContent ?? ''
const disabled = (id: string) => document.getElementById(id)!.className.includes('nut-button-disabled')
const click = async (id: string) => { await act(async () => { fireEvent.click(document.getElementById(id)!) }) }

async function pick(content: string) {
  const file = new File([content], 'buildings.csv', { type: 'text/csv' })
  await act(async () => { fireEvent.change(document.getElementById('buildings-file-input')!, { target: { files: [file] } }) })
  await waitFor(() => expect(text('buildings-file')).toContain('已选择：buildings.csv'))
}

const plan = (added: string[], rooms: number): BuildingImportResult['plan'] => ({ buildings: { added, changed: [], unchanged: [] }, rooms: { added: rooms, removed: 0 } })

test('the page shows the expected columns in order and an example starting with the header', () => {
  setTransport(fakeTransport(() => ok({})).transport)
  render(<AdminBuildingsPage />)
  expect(BUILDINGS_HEADER).toBe('社区编码,楼栋,单元,房号,经度,纬度,地址')
  expect(text('buildings-example').split('\n')[0]).toBe(BUILDINGS_HEADER)
  expect(document.getElementById('buildings-template')!.getAttribute('download')).toBe('楼栋房屋模板.csv')
})

test('the example the page offers is a file the import reads without a problem', () => {
  const parsed = parseBuildings(BUILDINGS_EXAMPLE)
  expect(parsed.problems).toEqual([])
  expect(parsed.buildings.map((b) => [b.name, b.rooms.length])).toEqual([['3栋', 3], ['5栋', 1]])
})

test('row problems name their row and column, and the import stays disabled until the file is fixed', async () => {
  const broken: BuildingImportResult = { applied: false, problems: [{ row: 3, column: '纬度', message: '纬度不能为空' }], plan: plan(['莲花一村社区 3栋'], 1) }
  const clean: BuildingImportResult = { applied: false, problems: [], plan: plan(['莲花一村社区 3栋', '莲花一村社区 5栋'], 4) }
  const answers = [broken, clean, { ...clean, applied: true }]
  const fake = fakeTransport(() => ok(answers.shift()))
  setTransport(fake.transport)
  render(<AdminBuildingsPage />)
  const bad = `${BUILDINGS_HEADER}\n440304005001,3栋,1单元,101,114.0575,,`
  await pick(bad)
  await click('buildings-preview')
  expect(fake.calls[0].body).toMatchObject({ action: 'importBuildings', payload: { apply: false, csv: bad } })
  expect(text('buildings-problems')).toContain('第3行 · “纬度”列')
  expect(disabled('buildings-apply')).toBe(true)

  await pick(BUILDINGS_EXAMPLE)
  await click('buildings-preview')
  expect(text('buildings-plan-added')).toContain('新增楼栋：2 栋')
  expect(text('buildings-rooms')).toBe('房屋：新增 4 户，删除 0 户')
  expect(disabled('buildings-apply')).toBe(false)
  await click('buildings-apply')
  expect(fake.calls[2].body.payload).toMatchObject({ apply: true })
  expect(text('buildings-applied')).toContain('已导入 2 栋楼')
})
