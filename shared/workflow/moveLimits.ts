// The bounds of the moves (docs/workflow.md "Moves"), apart from the machine and the schemas
// so the mini-program's pages can show them without loading either (and the calendar and
// time-zone code the machine brings).

/** The third reopen (返工) or the third return (退回) escalates instead (DESIGN.md). */
export const ESCALATE_AFTER = 3
/** An extension asks for 1 to this many working days. */
export const MAX_EXTENSION_DAYS = 30
/** A dispatcher moves at most this many tasks at once (admin.bulkMove). */
export const MAX_BULK = 500
/** A reason, a note or a refusal: this many characters at least and at most. */
export const REASON_MIN = 2
export const REASON_MAX = 200
