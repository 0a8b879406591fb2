import type { Declaration, DeclaredPerson, Message, Resident, SealedValue } from '../../../../shared/model'
import { registerOrderOf } from '../../../../shared/declarations/registerOrder'

// Records for the declarations port contract (declarationsPort.ts). The sealed values look
// like the cipher's (a versioned token, a key-tagged blind index, the masked form) without a
// real cipher: an adapter stores them as given and never opens them.

export const T0 = Date.UTC(2025, 2, 3, 1, 0) // Monday 09:00 in Shanghai
export const MIN = 60_000
export const DAY = 24 * 60 * MIN

/** A sealed ID number whose blind index under key k1 is `k1.<tag>`. */
export const sealedId = (tag: string, last4 = '123X'): SealedValue => ({
  token: `v1.k1.${Buffer.from(`id:${tag}`).toString('base64url')}.Qm9ndXNHY21UYWc`,
  index: `k1.${tag}`,
  masked: `4403**********${last4}`,
})

export const sealedPhone = (tag: string): SealedValue => ({
  token: `v1.k1.${Buffer.from(`phone:${tag}`).toString('base64url')}.UGhvbmVUYWc`,
  index: `k1.p${tag}`,
  masked: '139****5678',
})

export const person = (id: string, name: string, idTag: string, over: Partial<DeclaredPerson> = {}): DeclaredPerson => ({
  id, name, idKind: 'resident', idNumber: sealedId(idTag), phone: sealedPhone(idTag), relation: 'self', moveInDate: '2025-02-20', ...over,
})

/** A pending move-in declaration for room `roomId` of building `b1` in grid `g1`, unless told otherwise. */
export function declaration(id: string, over: Partial<Declaration> = {}): Declaration {
  const createdAt = over.createdAt ?? T0
  return {
    id, kind: 'move_in', roomId: 'b1.101', buildingId: 'b1', communityId: 'c1', streetId: 's1', gridId: 'g1',
    addressLabel: '1栋101', declarantId: 'u_res', standing: 'owner',
    persons: [person(`${id}.p1`, '张伟', `${id}-1`)],
    consentVersion: '2025-01', status: 'pending', assigneeId: 'u_w1', dueAt: createdAt + 3 * DAY,
    review: null, history: [{ at: createdAt, actorId: over.declarantId ?? 'u_res', actorName: '居民', action: 'submitted' }],
    version: 1, createdAt, updatedAt: createdAt, anonymisedAt: null,
    ...over,
  }
}

/** The register records a verified move-in of `d` makes, as the use case builds them. */
export const residentsOf = (d: Declaration, verifiedAt: number, verifiedById = 'u_w1'): Resident[] =>
  d.persons.map((p) => ({
    id: p.id, roomId: d.roomId, buildingId: d.buildingId, communityId: d.communityId, gridId: d.gridId, registerOrder: registerOrderOf(d.addressLabel),
    name: p.name, idKind: p.idKind, idNumber: p.idNumber, phone: p.phone, relation: p.relation, standing: d.standing,
    moveInDate: p.moveInDate, declarationId: d.id, declarantId: d.declarantId, verifiedAt, verifiedById, movedOut: null, anonymisedAt: null,
  }))

/** `d` after a worker's decision at `at`. */
export function decided(d: Declaration, decision: 'approve' | 'reject' | 'ask_more', at: number, reason?: string): Declaration {
  const status = ({ approve: 'verified', reject: 'rejected', ask_more: 'more_info' } as const)[decision]
  const review = { decision, byId: 'u_w1', byName: '网格员', at, ...(reason ? { reason } : {}) }
  return { ...d, status, dueAt: null, review, history: [...d.history, { at, actorId: 'u_w1', actorName: '网格员', action: decision, ...(reason ? { note: reason } : {}) }], version: d.version + 1, updatedAt: at }
}

export const message = (id: string, userId: string, declarationId: string, at: number, kind: Message['kind'] = 'declaration_verified'): Message => ({
  id, userId, kind, title: '您的居住登记已核验', body: '1栋101', declarationId, createdAt: at, readAt: null,
})
