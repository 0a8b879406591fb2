// Which record an account acts as. An account (a WeChat openid in CloudBase, a dev-login
// identity locally) gets a record of its own on its first call, a resident; the app names
// the account by that record's id. Binding links the account to a staff record: from then
// on the account's calls arrive as that staff member, until it is unlinked and the account
// is its own resident record again.

export interface AccountLinks {
  /** Points the account at the staff record (replacing any earlier link of the account). */
  link(accountId: string, staffId: string, at: number): Promise<void>
  /** The account acts as its own record again; nothing happens for an account that is not linked. */
  unlink(accountId: string): Promise<void>
}
