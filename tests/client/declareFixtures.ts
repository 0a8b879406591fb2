import type { BuildingListItem, CommunityListItem, DeclarationView, HouseholdView, MyResidence, NearBuilding } from '../../shared/api'
import { CONSENT } from '../../shared/declarations/consent'
import { checkCharacter } from '../../shared/identity/idDocuments'
import { waitFor } from '@testing-library/react'
import { el, tap } from './pageDom'

// What the declare pages' tests answer with: a community with two buildings (one with units,
// one without), a household, and declarations in each state the pages act on.

/** An 18-digit resident ID whose check character is right (the body says 4403 Shenzhen, born on the date given). */
export const validId = (body17: string) => body17 + checkCharacter(body17)
export const ID_ONE = validId('44030419850607123')
export const ID_TWO = validId('44030420120315002')
/** ID_ONE with its last character changed: only the check fails */
export const ID_BAD_CHECK = ID_ONE.slice(0, 17) + (ID_ONE[17] === '0' ? '1' : '0')

export const COMMUNITIES: CommunityListItem[] = [
  { id: 'c-lianhua1', name: '莲花一村社区', streetName: '华富街道', grids: [{ id: 'g-lianhua1-1', name: '第1网格' }] },
]

export const BUILDINGS: BuildingListItem[] = [
  {
    id: 'b-3', name: '3栋', address: '莲花路88号', gridId: 'g-lianhua1-1',
    units: [
      { unit: '1单元', rooms: [{ id: 'b-3.r101', number: '101' }] },
      { unit: '2单元', rooms: [{ id: 'b-3.r301', number: '301' }, { id: 'b-3.r302', number: '302' }] },
    ],
  },
  { id: 'b-5', name: '5栋', address: '', gridId: 'g-lianhua1-1', units: [{ unit: '', rooms: [{ id: 'b-5.r1', number: '1' }] }] },
]

export const NEAR: NearBuilding[] = [{ ...BUILDINGS[1], communityId: 'c-lianhua1', communityName: '莲花一村社区', distanceM: 42 }]

const person = (over: Partial<DeclarationView['persons'][number]> = {}): DeclarationView['persons'][number] => ({
  id: 'per-1', name: '张明', idKindName: '居民身份证', idNumberMasked: '4403**********1237', phoneMasked: '139****5678', relation: 'self', relationName: '本人', moveInDate: '2020-05-01', ...over,
})

export const declaration = (over: Partial<DeclarationView> = {}): DeclarationView => ({
  id: 'dcl_1', kind: 'move_in', kindName: '居住登记', roomId: 'b-3.r301', addressLabel: '3栋2单元301', communityName: '莲花一村社区', gridName: '莲花一村社区第1网格',
  standing: 'owner', standingName: '业主（房屋所有人）', persons: [person()], status: 'pending', statusName: '待核查', review: null,
  dueAt: Date.UTC(2026, 11, 4), overdue: false, history: [], consentVersion: CONSENT.version, version: 1, createdAt: Date.UTC(2026, 11, 1, 2), updatedAt: Date.UTC(2026, 11, 1, 2), onBehalf: null,
  ...over,
})

export const moreInfo = declaration({
  id: 'dcl_more', status: 'more_info', statusName: '需补充信息', version: 3,
  persons: [person(), person({ id: 'per-2', name: '张小雨', idNumberMasked: '4403**********0021', phoneMasked: null, relation: 'child', relationName: '子女', moveInDate: '2021-09-01' })],
  review: { decisionName: '请补充信息', reason: '请补充孩子的证件号码，核对后再提交', byName: '王建国', at: Date.UTC(2026, 11, 2, 3) },
})

export const household: HouseholdView = {
  roomId: 'b-3.r301', addressLabel: '3栋2单元301', communityName: '莲花一村社区', gridId: 'g-lianhua1-1', gridName: '莲花一村社区第1网格',
  residents: [
    { ...person(), id: 'res-1', roomId: 'b-3.r301', addressLabel: '3栋2单元301', buildingId: 'b-3', standingName: '业主（房屋所有人）', verifiedAt: Date.UTC(2026, 10, 1), movedOut: null },
    { ...person({ name: '李芳', idNumberMasked: '4403**********0044', phoneMasked: '138****0001', relation: 'spouse', relationName: '配偶', moveInDate: '2020-06-01' }), id: 'res-2', roomId: 'b-3.r301', addressLabel: '3栋2单元301', buildingId: 'b-3', standingName: '业主（房屋所有人）', verifiedAt: Date.UTC(2026, 10, 1), movedOut: null },
  ],
}

export const residence = (over: Partial<MyResidence> = {}): MyResidence => ({ households: [household], declarations: [moreInfo, declaration()], consentVersion: CONSENT.version, ...over })

/** Picks 莲花一村社区 → the first building → 1单元 → 301 on the declaration form's address picker. */
export async function pickRoom301() {
  await waitFor(() => el('declare-community-c-lianhua1'))
  await tap('declare-community-c-lianhua1')
  await waitFor(() => el('declare-building-0'))
  await tap('declare-building-0')
  await tap('declare-unit-1')
  await tap('declare-room-301')
}
