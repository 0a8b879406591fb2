/** One page of a list and the cursor of the next (null at the end). */
export interface PageOf<T> { items: T[]; nextCursor: string | null }
export interface PageQuery { cursor?: string; limit: number }
