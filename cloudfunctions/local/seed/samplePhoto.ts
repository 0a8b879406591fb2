import { deflateSync } from 'node:zlib'

// Real PNGs (a flat colour with a darker band; a head-and-shoulders portrait) so seeded
// reports and staff show a photo without shipping binary files in the repo.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type: string, data: Buffer) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

type Rgb = [number, number, number]

export function samplePhoto(rgb: Rgb, size = 96): Buffer {
  return png(size, (_x, y) => {
    const shade = y > size * 0.6 && y < size * 0.75 ? 0.6 : 1
    return rgb.map((v) => Math.round(v * shade)) as Rgb
  })
}

/**
 * A staff member's demo portrait: a head and shoulders in a light shirt on a coloured
 * ground, as a passport-style photo is framed, so the contact card shows a face-shaped
 * photo and not a flat square.
 */
export function sampleAvatar(ground: Rgb, size = 192): Buffer {
  const skin: Rgb = [236, 200, 170]
  const hair: Rgb = [45, 35, 30]
  const shirt: Rgb = [245, 245, 240]
  return png(size, (px, py) => {
    const x = px / size, y = py / size
    const head = (x - 0.5) ** 2 / 0.03 + (y - 0.4) ** 2 / 0.045 <= 1
    const hairline = head && y < 0.3 + 0.04 * Math.abs(x - 0.5) * 10
    const shoulders = y > 0.68 && (x - 0.5) ** 2 / 0.16 + (y - 1.05) ** 2 / 0.14 <= 1
    const neck = Math.abs(x - 0.5) < 0.07 && y > 0.55 && y <= 0.72
    if (hairline) return hair
    if (head || neck) return skin
    if (shoulders) return shirt
    return ground
  })
}

function png(size: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // truecolour
  const rows: Buffer[] = []
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3)
    for (let x = 0; x < size; x++) pixel(x, y).forEach((v, i) => { row[1 + x * 3 + i] = v })
    rows.push(row)
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([sig, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))])
}
