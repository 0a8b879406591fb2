// The words of a residence declaration (居住登记自主申报) as residents and workers read them.
// States are always shown in words (never colour alone).

/** How the person declaring stands to the room. A landlord declares tenants and does not live there. */
export const STANDINGS = ['owner', 'tenant', 'family', 'landlord'] as const
export type Standing = (typeof STANDINGS)[number]
export const STANDING_NAMES: Readonly<Record<Standing, string>> = {
  owner: '业主（房屋所有人）',
  tenant: '租户',
  family: '家庭成员',
  landlord: '房东（为租户申报）',
}

/** Each person's relation to the household's first person (本人 for the declarant themself). */
export const RELATIONS = ['self', 'spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'relative', 'tenant', 'flatmate', 'other'] as const
export type Relation = (typeof RELATIONS)[number]
export const RELATION_NAMES: Readonly<Record<Relation, string>> = {
  self: '本人',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandparent: '祖父母/外祖父母',
  grandchild: '孙子女/外孙子女',
  sibling: '兄弟姐妹',
  relative: '其他亲属',
  tenant: '租户',
  flatmate: '合租人',
  other: '其他',
}

/** move_in: people begin living in the room (a first household, or a person added); move_out: 注销. */
export const DECLARATION_KINDS = ['move_in', 'move_out'] as const
export type DeclarationKind = (typeof DECLARATION_KINDS)[number]
export const DECLARATION_KIND_NAMES: Readonly<Record<DeclarationKind, string>> = { move_in: '居住登记', move_out: '迁出注销' }

/**
 * pending: waiting for the grid worker's check (核查); more_info: the worker asked for more and
 * it waits on the declarant; verified: in the register; rejected: not accepted, with a reason;
 * withdrawn: the declarant took it back before it was checked.
 */
export const DECLARATION_STATUSES = ['pending', 'more_info', 'verified', 'rejected', 'withdrawn'] as const
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number]
export const DECLARATION_STATUS_NAMES: Readonly<Record<DeclarationStatus, string>> = {
  pending: '待核查',
  more_info: '需补充信息',
  verified: '已核验',
  rejected: '未通过',
  withdrawn: '已撤回',
}
/** The states a worker still has to act on or wait for. */
export const OPEN_DECLARATION_STATUSES: readonly DeclarationStatus[] = ['pending', 'more_info']

export const REVIEW_DECISIONS = ['approve', 'reject', 'ask_more'] as const
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number]
export const REVIEW_DECISION_NAMES: Readonly<Record<ReviewDecision, string>> = { approve: '核验通过', reject: '不予通过', ask_more: '请补充信息' }

/** The fields a verifying worker may ask to see whole, with a reason (docs/privacy.md). */
export const REVEALABLE_FIELDS = ['idNumber', 'phone'] as const
export type RevealableField = (typeof REVEALABLE_FIELDS)[number]
export const REVEALABLE_FIELD_NAMES: Readonly<Record<RevealableField, string>> = { idNumber: '证件号码', phone: '联系电话' }

/** The most people one declaration lists: a household, not a dormitory (a larger one is declared in parts). */
export const MAX_PERSONS = 12

/** A name shown where only recognising is needed (the audit log, a duplicate at another address): 张*明, 王*. */
export function maskName(name: string): string {
  const chars = [...name]
  if (chars.length <= 1) return name
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}
