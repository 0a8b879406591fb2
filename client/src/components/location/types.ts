import type { LngLat } from '../../../../shared/model'

export type Point = LngLat & { accuracyM?: number }

export interface LocationPickerProps {
  value: Point | null
  onChange: (point: Point) => void
  /** asks the device again; resolves when done */
  onRelocate: () => void
  locating: boolean
  /** the device refused or failed: the person places the point on the drawing or picks a grid */
  failed?: boolean
  error?: string
}

export interface ChooseLocationProps {
  value: Point | null
  onChoose: (point: Point) => void
}

/** A point in numbers, for the advanced entry and the case's detail. */
export const coordinateWords = (p: LngLat) => `经度 ${p.lng.toFixed(6)}，纬度 ${p.lat.toFixed(6)}`
