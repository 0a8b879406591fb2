// Binding codes (绑定码): the one-time code a staff member types in the mini-program to tie
// their account to their roster record. At most one code per staff member; only its keyed
// hash is stored (KeyedHash), so a copied database shows no code that could still be typed.

export interface BindingCodes {
  /** Stores the staff member's code, replacing any earlier one of theirs (used or not). */
  issue(staffId: string, codeHash: string, expiresAt: number, now: number): Promise<void>
  /**
   * Uses a code: the staff id it was issued to, or null when it is unknown, already used or
   * expired at `now`. Atomic: of two redeems of one code, one gets the staff id.
   */
  redeem(codeHash: string, accountId: string, now: number): Promise<string | null>
  /** The codes still waiting (unused, unexpired at `now`) among these staff members': staff id → expiry. */
  waiting(staffIds: string[], now: number): Promise<Map<string, number>>
}

/** A keyed hash with the deployment's secret (HMAC-SHA256): what is kept of a secret someone types. */
export interface KeyedHash {
  /** `purpose` keeps hashes of different things apart under one secret. */
  hash(purpose: string, value: string): Promise<string>
}
