// Just enough protobuf for the capture server: wx-server-sdk sends every open-API call as a
// CommApiData message (field 2 = OpenApiData, whose field 1 repeats KeyValuePair{1 key,
// 2 value bytes}) and expects a CommOpenApiResp{1 respData bytes, 2 contentType string}.
// Field numbers read from node_modules/wx-server-sdk/index.js (src/protobuf/openapi.js).

type Field = { no: number; wire: number; value: number | Buffer }

function readVarint(buf: Buffer, at: number): [number, number] {
  let value = 0
  let shift = 0
  let pos = at
  for (;;) {
    const byte = buf[pos++]
    value += (byte & 0x7f) * 2 ** shift
    if (byte < 0x80) return [value, pos]
    shift += 7
  }
}

function readFields(buf: Buffer): Field[] {
  const fields: Field[] = []
  let pos = 0
  while (pos < buf.length) {
    const [tag, afterTag] = readVarint(buf, pos)
    const no = Math.floor(tag / 8)
    const wire = tag & 7
    if (wire === 0) {
      const [value, next] = readVarint(buf, afterTag)
      fields.push({ no, wire, value })
      pos = next
    } else if (wire === 2) {
      const [len, start] = readVarint(buf, afterTag)
      fields.push({ no, wire, value: buf.subarray(start, start + len) })
      pos = start + len
    } else {
      throw new Error(`unexpected protobuf wire type ${wire}`)
    }
  }
  return fields
}

/** The open-API arguments as wx-server-sdk sent them: snake_case keys, JSON values. */
export function decodeOpenApiRequest(buf: Buffer): Record<string, unknown> {
  const openapiData = readFields(buf).find((f) => f.no === 2)
  if (!openapiData) throw new Error('CommApiData without openapiData')
  const out: Record<string, unknown> = {}
  for (const pair of readFields(openapiData.value as Buffer).filter((f) => f.no === 1)) {
    const kv = readFields(pair.value as Buffer)
    const key = (kv.find((f) => f.no === 1)?.value as Buffer).toString('utf8')
    const value = (kv.find((f) => f.no === 2)?.value as Buffer | undefined)?.toString('utf8')
    out[key] = value === undefined ? undefined : JSON.parse(value)
  }
  return out
}

function varint(n: number): Buffer {
  const bytes: number[] = []
  let v = n
  while (v >= 0x80) {
    bytes.push((v % 0x80) | 0x80)
    v = Math.floor(v / 0x80)
  }
  bytes.push(v)
  return Buffer.from(bytes)
}

const lengthDelimited = (no: number, data: Buffer) => Buffer.concat([varint(no * 8 + 2), varint(data.length), data])

/** A WeChat open-API answer wrapped the way the CloudBase gateway returns it. */
export function encodeOpenApiResponse(json: unknown): Buffer {
  return Buffer.concat([
    lengthDelimited(1, Buffer.from(JSON.stringify(json), 'utf8')),
    lengthDelimited(2, Buffer.from('application/json; charset=utf-8', 'utf8')),
  ])
}
