import './nutui'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { GridImportResult } from '../../shared/api'
import { setTransport } from '../../client/src/api/transport'
import AdminGridsPage from '../../client/src/admin/grids/index'
import { fakeTransport, ok } from './fakeTransport'

const plan = (p: Partial<GridImportResult['plan']> = {}) => ({ added: [], changed: [], unchanged: [], removed: [], ...p })
const BROKEN: GridImportResult = {
  applied: false,
  problems: [
    { feature: 2, field: 'geometry.coordinates.0', message: '第3个网格（440304005001003）：外环没有闭合' },
    { feature: 4, field: 'properties.code', message: '第5个网格：所属社区 440304005009 不存在' },
  ],
  warnings: [],
  plan: plan({ unchanged: ['440304005001001'] }),
  generation: null,
}
const CLEAN: GridImportResult = {
  applied: false,
  problems: [],
  warnings: [{ kind: 'overlap', message: '第1个网格与第2个网格重叠约 1,234 平方米', areaM2: 1234.4, codes: ['440304005001001', '440304005001002'], features: [0, 1] }],
  plan: plan({ changed: ['440304005001001'], unchanged: ['440304005001002', '440304005001003'], removed: ['440304005001004'] }),
  generation: null,
}

const text = (id: string) => document.getElementById(id)?.textContent ?? ''
// NutUI draws a disabled button with its class and swallows the tap
const disabled = (id: string) => document.getElementById(id)!.className.includes('nut-button-disabled')

function setup(answers: GridImportResult[]) {
  const fake = fakeTransport((_fn, body) => {
    const payload = body.payload as { apply: boolean }
    const next = answers.shift()!
    return ok(payload.apply ? { ...next, applied: true, generation: 7 } : next)
  })
  setTransport(fake.transport)
  render(<AdminGridsPage />)
  return fake
}

async function pick(content: string, name = 'grids.geojson') {
  const input = document.getElementById('grids-file-input') as HTMLInputElement
  const file = new File([content], name, { type: 'application/geo+json' })
  await act(async () => { fireEvent.change(input, { target: { files: [file] } }) })
  // FileReader answers on a later turn of the event loop
  await waitFor(() => expect(text('grids-file')).toContain(`已选择：${name}`))
}

const click = async (id: string) => { await act(async () => { fireEvent.click(document.getElementById(id)!) }) }

test('nothing can be previewed until a file and its coordinate system are both chosen', async () => {
  const { calls } = setup([])
  expect(disabled('grids-preview')).toBe(true)
  expect(text('grids-hint')).toContain('选择网格边界文件')
  await pick('{"type":"FeatureCollection","features":[]}')
  expect(disabled('grids-preview')).toBe(true)
  expect(text('grids-hint')).toContain('坐标系')
  await click('grids-from-wgs84')
  expect(disabled('grids-preview')).toBe(false)
  expect(calls).toHaveLength(0)
})

test('a dry run lists every problem with its feature number and field, and the import stays disabled', async () => {
  const { calls } = setup([BROKEN])
  await pick('{"type":"FeatureCollection"}')
  await click('grids-from-wgs84')
  await click('grids-preview')
  expect(calls[0]).toMatchObject({ fn: 'admin', body: { action: 'importGrids', payload: { geojson: '{"type":"FeatureCollection"}', from: 'wgs84', apply: false } } })
  const problems = text('grids-problems')
  expect(problems).toContain('2 个问题')
  expect(problems).toContain('第3个网格（features[2]） · geometry.coordinates.0')
  expect(problems).toContain('外环没有闭合')
  expect(problems).toContain('第5个网格（features[4]） · properties.code')
  expect(disabled('grids-apply')).toBe(true)
  expect(text('grids-hint')).toContain('还有 2 个问题')
  await click('grids-apply')
  expect(calls).toHaveLength(1)
})

test('a clean dry run shows warnings with their area and the plan, then the import sends the same file and options', async () => {
  const { calls } = setup([CLEAN, CLEAN])
  await pick('{"type":"FeatureCollection","features":[1]}')
  await click('grids-from-cgcs2000')
  await click('grids-preview')
  expect(text('grids-warnings')).toContain('网格重叠')
  expect(text('grids-warnings')).toContain('面积约 1,234 平方米（m²）')
  expect(text('grids-warnings')).toContain('文件中第1、2个网格')
  expect(text('grids-plan-changed')).toBe('边界或名称变化：1 个440304005001001')
  expect(text('grids-plan-unchanged')).toContain('没有变化：2 个')
  expect(text('grids-plan-removed')).toContain('440304005001004')
  expect(text('grids-plan-added')).toBe('新增网格：0 个')
  expect(disabled('grids-apply')).toBe(false)
  await click('grids-apply')
  expect(calls[1].body.payload).toEqual({ geojson: '{"type":"FeatureCollection","features":[1]}', from: 'cgcs2000', apply: true })
  expect(text('grids-applied')).toContain('地图已更新为第 7 版')
  expect(disabled('grids-apply')).toBe(true)
})

test('changing the coordinate system after a dry run makes it stale: the import waits for a new one', async () => {
  const { calls } = setup([CLEAN, CLEAN])
  await pick('{"type":"FeatureCollection","features":[1]}')
  await click('grids-from-gcj02')
  await click('grids-preview')
  expect(disabled('grids-apply')).toBe(false)
  await click('grids-from-wgs84')
  expect(disabled('grids-apply')).toBe(true)
  expect(text('grids-stale')).toContain('请重新预览')
  await click('grids-preview')
  expect(calls[1].body.payload).toMatchObject({ from: 'wgs84', apply: false })
  expect(disabled('grids-apply')).toBe(false)
})

test('a file over the request limit is refused with the schema message before anything is sent', async () => {
  const { calls } = setup([])
  await pick(`{"x":"${'a'.repeat(900_001)}"}`)
  await click('grids-from-gcj02')
  await click('grids-preview')
  expect(text('grids-error')).toContain('页面上一次最多 900 KB')
  expect(calls).toHaveLength(0)
})
