import type { CellTableArrays } from './cellTable'
import type { GridIndexHeader, SerializedGridIndex } from './gridIndex'

// One buffer for shipping: a 64-byte table of lengths, then coords (8-aligned), the ring
// tables, the cell table's arrays, flatbush's buffer, and the header JSON as UTF-16 code
// units (no TextEncoder in every mini-program base library). Platform byte order, like
// flatbush itself: little-endian. Unpacking copies only the tree; every other array is a
// view of the buffer, so the cell table costs a cold start its bytes read, nothing more.
const MAGIC = 0x58494c47 // 'GLIX'
// 1 had no cell table. MultiPolygons fit 2 as it is: a grid's rings are all rings of all its
// parts, which the even-odd rule reads alike, and its box in the tree already spans them.
const FORMAT = 2
const PREFIX = 64

type Arrays = [Float64Array, Uint32Array, Uint32Array, Int32Array, Int32Array]
const KINDS = [Float64Array, Uint32Array, Uint32Array, Int32Array, Int32Array]

export function packGridIndex(s: SerializedGridIndex): ArrayBuffer {
  const json = JSON.stringify(s.header)
  const t = s.cellTable
  const none = new Int32Array(0)
  const parts: Arrays = [s.coords, s.gridRings, s.ringVertices, t ? t.cells : none, t ? t.lists : none]
  let at = PREFIX
  for (const p of parts) at += p.byteLength
  const treeAt = at
  const jsonAt = treeAt + s.tree.byteLength + (s.tree.byteLength % 2)
  const buf = new ArrayBuffer(jsonAt + json.length * 2)
  const lengths = new Uint32Array(buf, 0, PREFIX / 4)
  lengths[0] = MAGIC
  lengths[1] = FORMAT
  at = PREFIX
  parts.forEach((p, i) => {
    lengths[2 + i] = p.length
    new Uint8Array(buf, at, p.byteLength).set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength))
    at += p.byteLength
  })
  lengths[2 + parts.length] = s.tree.byteLength
  lengths[3 + parts.length] = json.length
  new Uint8Array(buf, treeAt, s.tree.byteLength).set(new Uint8Array(s.tree))
  const chars = new Uint16Array(buf, jsonAt, json.length)
  for (let i = 0; i < json.length; i++) chars[i] = json.charCodeAt(i)
  return buf
}

/** `buf` must start at the packed bytes: from a Node Buffer, pass buffer.slice(byteOffset, byteOffset + length). */
export function unpackGridIndex(buf: ArrayBuffer): SerializedGridIndex {
  const lengths = new Uint32Array(buf, 0, Math.min(PREFIX, buf.byteLength) >> 2)
  if (lengths.length < PREFIX / 4 || lengths[0] !== MAGIC) throw new Error('grid index: not a packed grid index')
  if (lengths[1] !== FORMAT) throw new Error(`grid index: packed in format ${lengths[1]}, this code reads ${FORMAT}; pack it again`)
  let at = PREFIX
  const parts = KINDS.map((Kind, i) => {
    const p = new Kind(buf, at, lengths[2 + i])
    at += p.byteLength
    return p
  }) as Arrays
  const [coords, gridRings, ringVertices, cells, lists] = parts
  const treeBytes = lengths[2 + parts.length]
  // a copy: the tree stays a whole ArrayBuffer with its Float64 boxes 8-aligned
  const tree = buf.slice(at, at + treeBytes)
  const chars = new Uint16Array(buf, at + treeBytes + (treeBytes % 2), lengths[3 + parts.length])
  let json = ''
  // apply in chunks: no spread of typed arrays (ES5 weapp output) and no argument-count limit
  for (let i = 0; i < chars.length; i += 8192) json += String.fromCharCode.apply(null, chars.subarray(i, i + 8192) as unknown as number[])
  const header = JSON.parse(json) as GridIndexHeader
  const cellTable: CellTableArrays | null = header.cells ? { cells, lists } : null
  return { header, tree, coords, gridRings, ringVertices, cellTable }
}
