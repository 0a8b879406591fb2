import type { LngLat } from '../../../../shared/model'

export type Point = LngLat & { accuracyM?: number }

export interface LocationPickerProps {
  value: Point | null
  onChange: (point: Point) => void
  /** asks the device again; resolves when done */
  onRelocate: () => void
  locating: boolean
  /** the device refused or failed: the person can retry or enter the point */
  failed?: boolean
  error?: string
}

/** The point, or what is happening instead, in words. */
export function locationWords({ value, locating, failed }: Pick<LocationPickerProps, 'value' | 'locating' | 'failed'>, hint: string) {
  if (locating) return '正在定位…'
  if (value) return `经度 ${value.lng.toFixed(6)}，纬度 ${value.lat.toFixed(6)}`
  return failed ? `无法自动定位，${hint}` : `还没有位置，${hint}`
}
