// Grouping the build's (cell, grid) pairs into the table's cells, sub-cell codes and lists.

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2)
  b.set(a)
  return b
}

/** (cell, entry, masks) as found; then grouped per cell, with equal lists stored once. */
export class Pairs {
  private cell: Int32Array
  private entry: Int32Array
  /** bits 0–15: sub-cells surely inside the grid; 16–31: surely outside; neither: near it */
  private masks: Int32Array
  private n = 0

  constructor(expected: number) {
    this.cell = new Int32Array(Math.max(expected, 1024))
    this.entry = new Int32Array(this.cell.length)
    this.masks = new Int32Array(this.cell.length)
  }

  push(cell: number, entry: number, masks: number): void {
    if (this.n === this.cell.length) {
      this.cell = grown(this.cell)
      this.entry = grown(this.entry)
      this.masks = grown(this.masks)
    }
    this.cell[this.n] = cell
    this.entry[this.n] = entry
    this.masks[this.n++] = masks
  }

  toTable(nCells: number): { cells: Int32Array; lists: Int32Array } {
    const start = new Int32Array(nCells + 1)
    for (let i = 0; i < this.n; i++) start[this.cell[i] + 1]++
    for (let c = 0; c < nCells; c++) start[c + 1] += start[c]
    // pairs came grid by grid, so a stable counting sort leaves each cell's entries sorted
    const entries = new Int32Array(this.n)
    const masks = new Int32Array(this.n)
    const fill = start.slice(0, nCells)
    for (let i = 0; i < this.n; i++) {
      const at = fill[this.cell[i]]++
      entries[at] = this.entry[i]
      masks[at] = this.masks[i]
    }
    const cells = new Int32Array(nCells * 4)
    const store = new ListStore(Math.min(this.n, nCells))
    for (let c = 0; c < nCells; c++) {
      const from = start[c]
      const count = start[c + 1] - from
      const at = c * 4
      if (count === 0) cells[at] = -1
      else if (count === 1 && (entries[from] & 1) === 1) cells[at] = entries[from] >> 1
      else {
        // the record holds the first two entries, and for a longer list points to it all
        cells[at] = count <= 2 ? -1 - count : -4 - store.add(entries, from, count)
        cells[at + 2] = entries[from]
        if (count > 1) cells[at + 3] = entries[from + 1]
        // clear in grid q: q surely holds the sub-cell and every other grid surely not;
        // only the first three entries have a 2-bit code
        let code = 0
        for (let q = 0; q < count && q < 3; q++) {
          let clear = masks[from + q] & 0xffff
          for (let r = 0; r < count; r++) if (r !== q) clear &= masks[from + r] >>> 16
          code |= spread(clear) * (q + 1)
        }
        cells[at + 1] = code
      }
    }
    return { cells, lists: store.lists.slice(0, store.used) }
  }
}

/** The 16 bits of x moved to the even bits (bit j to bit 2j): one 2-bit field per sub-cell. */
function spread(x: number): number {
  x = (x | (x << 8)) & 0x00ff00ff
  x = (x | (x << 4)) & 0x0f0f0f0f
  x = (x | (x << 2)) & 0x33333333
  return (x | (x << 1)) & 0x55555555
}

/** Lists as a count then entries, in one array; neighbouring cells mostly hold equal lists. */
class ListStore {
  lists: Int32Array = new Int32Array(1024)
  used = 0
  private readonly slots: Int32Array
  private readonly mask: number

  constructor(maxLists: number) {
    let size = 1024
    while (size < maxLists * 2) size *= 2
    this.slots = new Int32Array(size)
    this.mask = size - 1
  }

  /** where the list is stored (its count) */
  add(entries: Int32Array, from: number, count: number): number {
    let h = count
    for (let i = 0; i < count; i++) h = Math.imul(h ^ entries[from + i], 0x9e3779b1) ^ (h >>> 15)
    // open addressing: probe until the same list or an empty slot
    let slot = h & this.mask
    for (; this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      const at = this.slots[slot] - 1
      let same = this.lists[at] === count
      for (let i = 0; i < count && same; i++) same = this.lists[at + 1 + i] === entries[from + i]
      if (same) return at
    }
    while (this.used + count + 1 > this.lists.length) this.lists = grown(this.lists)
    const at = this.used
    this.lists[at] = count
    this.lists.set(entries.subarray(from, from + count), at + 1)
    this.used += count + 1
    this.slots[slot] = at + 1
    return at
  }
}
