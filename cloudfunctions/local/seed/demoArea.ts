import type { Community, Grid, GridGeometry, LngLat, Routing, Street } from '../../../shared/model'
import { offsetByMetres } from '../../../shared/routing/geo'

// The demo street of the local stack, in GCJ-02 (what WeChat's getLocation returns): 福田区
// 华富街道 around lng 114.06, lat 22.545. The outlines are drawn for the demo, not taken
// from official boundaries. Three communities side by side, four grids each, south to
// north; neighbours list the same vertex coordinates along a shared edge, as surveyed
// data does. East of the grids lies a strip of the street that no grid covers (a
// construction site), so the dispatcher queues and the nearest-grid rule can be shown;
// 新田社区's outline reaches into the strip (its queue), the rest is the street's.
// 田面社区第3网格 has a school carved out of it, and 新田社区第4网格 is a MultiPolygon: it
// also looks after a pocket park out in the strip (an enclave).

type Vertex = [number, number]

// Lattice nodes: letter = column line west to east, digit = row line south to north.
// Slightly off a straight grid, as real boundaries follow streets.
const N = {
  a0: [114.056, 22.54005], b0: [114.05905, 22.53992], c0: [114.06198, 22.5401], d0: [114.06502, 22.53998],
  a1: [114.05588, 22.54221], b1: [114.05912, 22.54236], c1: [114.06214, 22.54208], d1: [114.06495, 22.54226],
  a2: [114.05606, 22.54447], b2: [114.05893, 22.54431], c2: [114.06207, 22.54452], d2: [114.06509, 22.54437],
  a3: [114.05594, 22.54664], b3: [114.05908, 22.54672], c3: [114.06191, 22.54655], d3: [114.06497, 22.54668],
  a4: [114.05602, 22.54878], b4: [114.05897, 22.54889], c4: [114.06203, 22.54874], d4: [114.06506, 22.54883],
  // bends in a boundary, shared by the grids on both sides: on b1–b2 and on c2–d2
  bk: [114.05931, 22.54329], ck: [114.06352, 22.54466],
  // the street's east edge, beyond the uncovered strip
  e0: [114.0715, 22.5399], e2: [114.0717, 22.5444], e4: [114.0714, 22.54885],
  // 新田社区's outline in the strip, a little inside the street's south and north edges
  x0: [114.0685, 22.54], x4: [114.0685, 22.5487],
} satisfies Record<string, Vertex>
type NodeName = keyof typeof N

// Rings are stored closed, as GeoJSON from a GIS export would be.
const ring = (...names: NodeName[]): [number, number][] => [...names, names[0]].map((n) => [N[n][0], N[n][1]])
const midpoint = (a: NodeName, b: NodeName): LngLat => ({ lng: (N[a][0] + N[b][0]) / 2, lat: (N[a][1] + N[b][1]) / 2 })

export const DEMO_STREET: Street = {
  id: 's-huafu',
  code: '440304005',
  name: '华富街道',
  district: '福田区',
  hotline: '0755-12345',
  polygon: [ring('a0', 'b0', 'c0', 'd0', 'e0', 'e2', 'e4', 'd4', 'c4', 'b4', 'a4', 'a3', 'a2', 'a1')],
  // the seed adds the street dispatcher it creates
  dispatcherIds: [],
}

const outline = (...names: NodeName[]): GridGeometry => ({ type: 'Polygon', coordinates: [ring(...names)] })
export const DEMO_COMMUNITIES: Omit<Community, 'dispatcherIds'>[] = [
  { id: 'c-lianhua1', code: '440304005001', name: '莲花一村社区', streetId: DEMO_STREET.id, geometry: outline('a0', 'b0', 'b1', 'bk', 'b2', 'b3', 'b4', 'a4', 'a3', 'a2', 'a1') },
  { id: 'c-tianmian', code: '440304005002', name: '田面社区', streetId: DEMO_STREET.id, geometry: outline('b0', 'c0', 'c1', 'c2', 'c3', 'c4', 'b4', 'b3', 'b2', 'bk', 'b1') },
  { id: 'c-xintian', code: '440304005003', name: '新田社区', streetId: DEMO_STREET.id, geometry: outline('c0', 'd0', 'x0', 'x4', 'd4', 'c4', 'c3', 'c2', 'c1') },
]

// A school, clockwise as holes are; the hole's centre is about 50 m from its edge.
const SCHOOL: [number, number][] = [[114.0599, 22.5451], [114.0599, 22.546], [114.0611, 22.546], [114.0611, 22.5451], [114.0599, 22.5451]]
// The pocket park of 新田社区第4网格, out in the strip: ~120 m by 90 m, counter-clockwise,
// over 300 m from every other grid and inside 新田社区's outline.
const PARK: [number, number][] = [[114.0668, 22.5478], [114.068, 22.5478], [114.068, 22.5486], [114.0668, 22.5486], [114.0668, 22.5478]]

// Outer rings counter-clockwise: south-west, south-east, north-east, north-west.
const OUTLINES: Record<string, NodeName[][]> = {
  lianhua1: [
    ['a0', 'b0', 'b1', 'a1'],
    ['a1', 'b1', 'bk', 'b2', 'a2'],
    ['a2', 'b2', 'b3', 'a3'],
    ['a3', 'b3', 'b4', 'a4'],
  ],
  tianmian: [
    ['b0', 'c0', 'c1', 'b1'],
    ['b1', 'c1', 'c2', 'b2', 'bk'],
    ['b2', 'c2', 'c3', 'b3'],
    ['b3', 'c3', 'c4', 'b4'],
  ],
  xintian: [
    ['c0', 'd0', 'd1', 'c1'],
    ['c1', 'd1', 'd2', 'ck', 'c2'],
    ['c2', 'ck', 'd2', 'd3', 'c3'],
    ['c3', 'd3', 'd4', 'c4'],
  ],
}

export const DEMO_GRIDS: Omit<Grid, 'workerIds' | 'leaderId'>[] = DEMO_COMMUNITIES.flatMap((c) => {
  const key = c.id.slice(2)
  return OUTLINES[key].map((outline, i) => ({
    id: `g-${key}-${i + 1}`,
    code: `${c.code}${String(i + 1).padStart(3, '0')}`,
    name: `${c.name}第${i + 1}网格`,
    communityId: c.id,
    streetId: DEMO_STREET.id,
    geometry: geometryOf(key, i, outline),
    version: 1,
  }))
})

function geometryOf(key: string, i: number, outline: NodeName[]): GridGeometry {
  if (key === 'tianmian' && i === 2) return { type: 'Polygon', coordinates: [ring(...outline), SCHOOL] }
  if (key === 'xintian' && i === 3) return { type: 'MultiPolygon', coordinates: [[ring(...outline)], [PARK]] }
  return { type: 'Polygon', coordinates: [ring(...outline)] }
}

export interface DemoPoint {
  /** what the point shows, for the demo's picker */
  label: string
  point: LngLat
  expected: Pick<Routing, 'outcome' | 'gridId' | 'neighbourGridIds' | 'communityId' | 'streetId'>
}

const street = DEMO_STREET.id
export const DEMO_POINTS = {
  insideClear: {
    label: '莲花一村社区第1网格中心',
    point: { lng: 114.0575, lat: 22.54113 },
    expected: { outcome: 'inside', gridId: 'g-lianhua1-1', neighbourGridIds: [], communityId: 'c-lianhua1', streetId: street },
  },
  onSharedBorder: {
    label: '莲花一村与田面社区交界线上',
    point: midpoint('b0', 'b1'),
    expected: { outcome: 'near_border', gridId: 'g-lianhua1-1', neighbourGridIds: ['g-tianmian-1'], communityId: 'c-lianhua1', streetId: street },
  },
  nearBorder10m: {
    label: '田面社区第1网格，距新田社区边界10米',
    point: offsetByMetres(midpoint('c0', 'c1'), -10, 0),
    expected: { outcome: 'near_border', gridId: 'g-tianmian-1', neighbourGridIds: ['g-xintian-1'], communityId: 'c-tianmian', streetId: street },
  },
  nearOuterEdge: {
    label: '莲花一村社区第2网格西边界内10米（外侧无网格）',
    point: offsetByMetres(midpoint('a1', 'a2'), 10, 0),
    expected: { outcome: 'inside', gridId: 'g-lianhua1-2', neighbourGridIds: [], communityId: 'c-lianhua1', streetId: street },
  },
  onIsland: {
    label: '新田社区第4网格的飞地（街心公园）',
    point: { lng: 114.0674, lat: 22.5482 },
    expected: { outcome: 'inside', gridId: 'g-xintian-4', neighbourGridIds: [], communityId: 'c-xintian', streetId: street },
  },
  inGap: {
    label: '未划网格的工地，距新田社区第2网格80米',
    point: offsetByMetres(midpoint('d1', 'd2'), 80, 0),
    expected: { outcome: 'nearest_grid', gridId: 'g-xintian-2', neighbourGridIds: [], communityId: 'c-xintian', streetId: street },
  },
  inHole: {
    label: '学校内（不属于任何网格）',
    point: { lng: 114.0605, lat: 22.54555 },
    expected: { outcome: 'nearest_grid', gridId: 'g-tianmian-3', neighbourGridIds: [], communityId: 'c-tianmian', streetId: street },
  },
  farInCommunity: {
    label: '新田社区内远离所有网格的工地',
    point: { lng: 114.0678, lat: 22.5412 },
    expected: { outcome: 'dispatcher_queue', gridId: null, neighbourGridIds: [], communityId: 'c-xintian', streetId: street },
  },
  farInStreet: {
    label: '街道内远离所有网格、不属任何社区的工地',
    point: { lng: 114.069, lat: 22.5444 },
    expected: { outcome: 'dispatcher_queue', gridId: null, neighbourGridIds: [], communityId: null, streetId: street },
  },
  outside: {
    label: '街道以外',
    point: { lng: 114.05, lat: 22.5444 },
    expected: { outcome: 'outside_service_area', gridId: null, neighbourGridIds: [], communityId: null, streetId: null },
  },
} satisfies Record<string, DemoPoint>
