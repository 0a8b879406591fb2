// Where an import file sent by WeChat's temporary CDN sits in callFunction's data. WeChat
// documents its special values (wx.cloud.CloudID: "非顶层字段的 CloudID 不会被替换") as
// replaced only in top-level fields of data, and every wx.cloud.CDN example marks a top-level
// field, so the mini-program puts the marked text beside the envelope, `cdn_<field>`, not
// inside `payload` (client/src/api/cdnFields.ts). The function entry puts the URL that
// arrives there back into the payload field, and the use case downloads it (ImportTexts).

/** function → action → the payload field a file's text may come in by the CDN; mirrors the client's table. */
const CDN_TEXT_FIELDS: Record<string, Record<string, string> | undefined> = {
  admin: { importGrids: 'geojson', importRoster: 'csv' },
}

/** The top-level key of callFunction's data holding a payload field sent by the CDN. */
const cdnKey = (field: string) => `cdn_${field}`

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The event as dispatch reads it: a CDN field's URL moved into its payload field; anything else untouched. */
export function liftCdnFields(fn: string, event: unknown): unknown {
  if (!isRecord(event) || typeof event.action !== 'string') return event
  const field = CDN_TEXT_FIELDS[fn]?.[event.action]
  if (!field || !(cdnKey(field) in event)) return event
  const { [cdnKey(field)]: url, ...envelope } = event
  // a payload that is not an object is the envelope's problem: dispatch refuses it as sent
  if (envelope.payload !== undefined && !isRecord(envelope.payload)) return event
  return { ...envelope, payload: { ...(envelope.payload ?? {}), [field]: url } }
}
