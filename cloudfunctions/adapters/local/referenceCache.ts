// Reference data every request reads (the caller's session and user, the grid a report
// routes to, the photo records it cites) kept in memory by the local store. Each read of
// SQLite in WAL mode opens a read transaction with file locks (~8 µs), and a submission
// made a dozen of them; these records change rarely and only through this store's own
// methods, which drop the entry they change. The local host is the file's only writer
// of reference data: a tool that edits users or grids in the file directly must restart it.

/** A map that forgets everything once it holds `limit` entries: simple, bounded, and the
 * working set (active sessions, recent photos) refills it within a few requests. */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>()
  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.map.get(key)
  }

  set(key: K, value: V): V {
    if (this.map.size >= this.limit) this.map.clear()
    this.map.set(key, value)
    return value
  }

  delete(key: K): void {
    this.map.delete(key)
  }
}

/** Reads through `load` once per key; a missing record (null) is not remembered, so a
 * record created later is found. Cached records are frozen: callers share them. */
export class ReadThrough<V extends object> {
  private readonly entries: BoundedMap<string, V>
  constructor(limit: number) {
    this.entries = new BoundedMap(limit)
  }

  get(key: string, load: (key: string) => V | null): V | null {
    const hit = this.entries.get(key)
    if (hit) return hit
    const loaded = load(key)
    return loaded ? this.entries.set(key, Object.freeze(loaded)) : null
  }

  forget(key: string): void {
    this.entries.delete(key)
  }
}
