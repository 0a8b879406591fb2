import type { Declaration, Message, Resident } from '../../../shared/model'
import type { PageOf, PageQuery } from './paging'

// Residence declarations (居住登记) and the population register (实有人口) they build. A
// verification moves the declaration and the register together, with the messages that tell
// people about it: one write, all of it or none. ID numbers and phones arrive here already
// sealed (encrypted, blind-indexed, masked: app/declarations/seal.ts); an adapter never sees
// a plain number.

/** A create keyed by the caller's requestId: the same key twice yields the first declaration. */
export interface NewDeclaration { requestKey: string | null; declaration: Declaration; messages: Message[] }

/** A declaration change guarded by the version the actor saw. */
export interface DeclarationChange {
  declaration: Declaration
  expectedVersion: number
  messages: Message[]
  /** a verified move-in: the people entering the register */
  addResidents?: Resident[]
  /** a verified move-out: the residents leaving it */
  moveOut?: { residentIds: string[]; movedOut: NonNullable<Resident['movedOut']> }
}

/** Current residents and open declarations (pending, more_info) holding one of the blind indexes. */
export interface IdMatches { residents: Resident[]; declarations: Declaration[] }

/** Counts of a grid's register, for coverage: rooms with at least one current resident, and residents. */
export interface RegisterCounts { verifiedRooms: number; residents: number }

export interface Declarations {
  /** Returns the stored declaration's id: the new one, or the first one made with the same requestKey. */
  create(input: NewDeclaration): Promise<{ declarationId: string; created: boolean }>
  get(id: string): Promise<Declaration | null>
  /** Declarations by id in the order asked, unknown ids skipped. */
  getMany(ids: string[]): Promise<Declaration[]>
  /** A declarant's declarations, newest first. */
  listByDeclarant(userId: string, page: PageQuery): Promise<PageOf<Declaration>>
  /**
   * Open declarations (pending, more_info) of these grids, earliest deadline first (the
   * worker's verification list); with `alsoAssignedTo`, also those assigned to that person
   * in other grids (a substitute's).
   */
  listOpen(gridIds: string[], page: PageQuery, alsoAssignedTo?: string): Promise<PageOf<Declaration>>
  /** Applies the change only if the stored version equals expectedVersion; false otherwise. */
  saveChange(change: DeclarationChange): Promise<boolean>
  /** The room's current residents (not moved out), by name. */
  roomResidents(roomId: string): Promise<Resident[]>
  /** Residents by id in the order asked, unknown ids skipped. */
  getResidents(ids: string[]): Promise<Resident[]>
  /** Current residents declared by this account (a household's own view), by room then name. */
  residentsDeclaredBy(userId: string): Promise<Resident[]>
  /** What holds one of these blind indexes of an ID number: the duplicate and conflict check. */
  findByIdIndexes(indexes: string[]): Promise<IdMatches>
  /**
   * A grid's register (or one building's), current residents or those moved out, by
   * building id, room id, then name; a page at a time.
   */
  listRegister(where: { gridId: string; buildingId?: string; movedOut: boolean }, page: PageQuery): Promise<PageOf<Resident>>
  /** Register counts per grid id; grids without residents are absent. */
  registerCounts(gridIds: string[]): Promise<Map<string, RegisterCounts>>
  /**
   * Retention: residents moved out before `before`, and declarations rejected or withdrawn
   * before it, not yet anonymised; at most `limit` of each, oldest first.
   */
  listExpired(before: number, limit: number): Promise<{ residents: Resident[]; declarations: Declaration[] }>
  /** Overwrites these records with their anonymised forms (no version guard: they are settled). */
  saveAnonymised(records: { residents: Resident[]; declarations: Declaration[] }): Promise<void>
}
