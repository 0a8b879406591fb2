import type { GrantAnswer, SubscribeTemplates } from '../../../shared/api'
import type { WorkingCalendar } from '../../../shared/calendar/workingTime'
import type { Category } from '../../../shared/catalogue'
import type { Community, Grid, LngLat, Message, Routing, Street } from '../../../shared/model'
import type { Result } from '../../../shared/result'
import type { AccountLinks } from './accountLinks'
import type { AuditLog } from './audit'
import type { BindingCodes, KeyedHash } from './bindingCodes'
import type { Buildings } from './buildings'
import type { Cases } from './cases'
import type { Cipher } from './cipher'
import type { Declarations } from './declarations'
import type { Files } from './files'
import type { MessageCentre } from './messages'
import type { ReferenceData } from './reference'
import type { Limits } from './limits'
import type { Points } from './points'
import type { Patrols } from './patrols'
import type { LimitSettings } from '../limits'
import type { WorkflowSettings } from '../tasks/workflowSettings'

// The small interfaces the use cases receive (STYLE.md 5), one port per noun. Only adapters
// know SQLite or CloudBase. Every method is async so both kinds of adapter fit. A use case
// names the ports it uses (`Needs<'cases' | 'clock'>`), so its test builds only those.

export type { AccountLinks } from './accountLinks'
export type { AuditLog } from './audit'
export type { BindingCodes, KeyedHash } from './bindingCodes'
export type { BuildingRooms, Buildings } from './buildings'
export type { AreaFilter, AreaRef, Cases, NearbyQuery, NewReport, QueueRef, TaskChange } from './cases'
export type { Cipher } from './cipher'
export type { DeclarationChange, Declarations, IdMatches, NewDeclaration, RegisterCounts } from './declarations'
export type { FileRecord, Files } from './files'
export type { MessageCentre } from './messages'
export type { PageOf, PageQuery } from './paging'
export type { MapChange, ReferenceData } from './reference'
export type { Limits, RateRule, Taken } from './limits'
export type { Points } from './points'
export type { Patrols } from './patrols'

export interface Clock { now(): number }
export interface IdGen { next(prefix: string): string }

/** The grid map a router holds: what it routes against, of one generation. */
export interface LoadedMap { generation: number; grids: readonly Grid[]; communities: readonly Community[]; streets: readonly Street[] }

/** Locates a point against the current grid map (reloaded when the map's generation moves). */
export interface GridRouter {
  route(point: LngLat): Promise<Routing>
  /**
   * The map it routes against: a warm container holds it already, so pages that draw or list
   * the map read it here instead of reading every grid again (one read per 1,000 in CloudBase).
   */
  currentMap(): Promise<LoadedMap>
}

/** Pushes beyond the in-app message centre (WeChat subscription messages in CloudBase). */
export interface Notifier { notify(messages: Message[]): Promise<void> }

export type TextVerdict = 'pass' | 'rejected' | 'unavailable'

/**
 * Content security: user text is checked before anyone else sees it; photos are sent for
 * review and shown to others only once passed (WeChat security API in CloudBase, a word
 * list locally).
 */
export interface ContentCheck {
  checkText(texts: string[], userId: string): Promise<TextVerdict>
  submitPhotos(fileIds: string[], userId: string): Promise<void>
  /** The photos among these that people other than their uploader may see. */
  visiblePhotos(fileIds: string[]): Promise<Set<string>>
}

/**
 * Links that show a photo to the person a view is for: short-lived and signed on the local
 * host, temporary https URLs from cloud storage in CloudBase. A photo is reachable only
 * through a link a view chose to give, never by its id alone.
 */
export interface PhotoLinks { links(fileIds: string[]): Promise<Map<string, string>> }

/** Subscription-message grants: which templates to ask for on which tap, and the answers. */
export interface Subscriptions {
  templates(): SubscribeTemplates
  /** Records the grants among the answers; returns how many were recorded. */
  record(userId: string, answers: Record<string, GrantAnswer>): Promise<number>
}

/** The payload field a file's text came in, to name it in a refusal. */
export interface ImportTextField { path: string; label: string }

/**
 * An admin import's file as text. The mini-program sends a file past 100 KB through WeChat's
 * temporary CDN (wx.cloud.CDN), so on CloudBase the field holds the CDN's https URL, which is
 * downloaded here; on the local host the field is the text. The use case calls it, so only
 * a caller dispatch let through ever makes a function download anything.
 */
export interface ImportTexts {
  /** the file's text; VALIDATION (or INTERNAL when the CDN did not answer) naming the field otherwise */
  resolve(value: string, field: ImportTextField): Promise<Result<string>>
}

/** Residence declarations: how long a worker has to verify one, and how long settled personal data is kept. */
export interface DeclarationSettings {
  /** working minutes from submission to the verification deadline (default 3 working days) */
  verifyMinutes: number
  /** days after a move-out, rejection or withdrawal before the personal fields are removed */
  retentionDays: number
}

export interface Config {
  catalogue: Category[]
  /** who hears of the district queue (the escalation's top) */
  workflow: WorkflowSettings
  timezone: string
  limits: LimitSettings
  declarations: DeclarationSettings
}

export interface Deps {
  reference: ReferenceData
  /** the building registry: buildings and their rooms */
  buildings: Buildings
  cases: Cases
  messages: MessageCentre
  files: Files
  router: GridRouter
  notifier: Notifier
  content: ContentCheck
  photoLinks: PhotoLinks
  subscriptions: Subscriptions
  limits: Limits
  /** staff binding: the one-time codes, the account → staff record links, and the hash the codes are kept as */
  bindingCodes: BindingCodes
  accountLinks: AccountLinks
  keyedHash: KeyedHash
  /** ID numbers and phones encrypted at rest, found again by their blind index (docs/privacy.md) */
  cipher: Cipher
  /** residence declarations and the population register they build */
  declarations: Declarations
  /** every unmasked read of personal data: append only */
  audit: AuditLog
  /** volunteers' points, one entry per case */
  points: Points
  /** volunteers' patrol log (巡查打卡) */
  patrols: Patrols
  /** admin imports: a file's text, fetched when it came by WeChat's temporary CDN */
  importTexts: ImportTexts
  clock: Clock
  ids: IdGen
  config: Config
  calendar: WorkingCalendar
}

/** The ports a use case uses, and no others. */
export type Needs<K extends keyof Deps> = Pick<Deps, K>
