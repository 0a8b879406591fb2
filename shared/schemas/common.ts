import * as z from 'zod'
import { cleanText, visibleLength } from '../text'
import { required } from './messages'

export const idSchema = (label: string) => z.string(required(label, '文本')).min(1, `请填写${label}`).max(64, `${label}格式不正确`)

/** A client-generated key that makes a create idempotent (DESIGN.md, "API envelope"). */
export const requestIdSchema = z
  .string(required('请求编号 requestId', '文本'))
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号 requestId 应为 8–64 位字母、数字、-或_')

export const MAX_PHOTOS = 9
export const photosSchema = (label: string, min: number) =>
  z
    .array(z.string(required(`${label}编号`, '文本')).min(1, `${label}编号不能为空`).max(256, `${label}编号过长`), required(label, '列表'))
    .min(min, `请至少上传${min}张${label}`)
    .max(MAX_PHOTOS, `${label}最多${MAX_PHOTOS}张`)

// Mainland China in GCJ-02 (WeChat's coordinates); a point elsewhere is almost always a
// swapped pair or a device glitch.
const CHINA = { lngMin: 73, lngMax: 136, latMin: 3, latMax: 54 }

export const locationSchema = z
  .object(
    {
      lng: z.number(required('经度', '数字')).finite('经度必须是数字').min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间'),
      lat: z.number(required('纬度', '数字')).finite('纬度必须是数字').min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间'),
      accuracyM: z.number('定位精度必须是数字').min(0, '定位精度不能为负数').max(100000, '定位精度数值过大').optional(),
    },
    required('位置', '包含经纬度的对象'),
  )
  .superRefine((p, ctx) => {
    const inChina = (lng: number, lat: number) => lng >= CHINA.lngMin && lng <= CHINA.lngMax && lat >= CHINA.latMin && lat <= CHINA.latMax
    if (inChina(p.lng, p.lat)) return
    const swapped = inChina(p.lat, p.lng)
    ctx.addIssue({
      code: 'custom',
      path: ['lng'],
      message: swapped ? '经纬度好像填反了：经度应在前（约 73–136），纬度在后（约 3–54）' : '位置不在中国境内，请重新定位',
    })
  })

/**
 * Text a person writes: direction overrides and control characters removed, trimmed, and
 * its length counted in visible characters, so zero-width padding does not reach `min`.
 */
export const writtenText = (label: string, min: number, max: number, minMessage: string, maxMessage: string) =>
  z
    .string(required(label, '文本'))
    // a bound on the raw text first, so counting never runs on a megabyte of padding
    .max(max * 4, maxMessage)
    .transform(cleanText)
    .superRefine((s, ctx) => {
      const n = visibleLength(s)
      if (n < min) ctx.addIssue({ code: 'custom', message: minMessage })
      else if (n > max) ctx.addIssue({ code: 'custom', message: maxMessage })
    })
