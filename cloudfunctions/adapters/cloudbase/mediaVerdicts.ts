import * as z from 'zod'
import type { WxContentCheck } from './contentCheck'

// The asynchronous photo verdict: WeChat pushes a `wxa_media_check` event for every
// mediaCheckAsync call, within 30 minutes, to the function the console routes it to
// (mediaCheck, docs/deploy.md). Fields as WeChat sends them.
const mediaCheckEvent = z.object({
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().min(1),
  result: z.object({ suggest: z.string(), label: z.number().optional() }),
})

export type MediaCheckAnswer = { ok: true; recorded: boolean } | { ok: false; error: string }

export async function onMediaCheck(check: WxContentCheck, event: unknown, now: number): Promise<MediaCheckAnswer> {
  const parsed = mediaCheckEvent.safeParse(event)
  if (!parsed.success) return { ok: false, error: 'not a wxa_media_check event' }
  const { trace_id, result } = parsed.data
  return { ok: true, recorded: await check.recordVerdict(trace_id, result.suggest, result.label, now) }
}
