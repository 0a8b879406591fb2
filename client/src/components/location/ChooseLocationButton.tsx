import type { ChooseLocationProps } from './types'

// Browsers have no WeChat location chooser (Taro's H5 one needs a Tencent Maps key and loads
// its pages): there the drawing and the list are the ways to place a point.
export default function ChooseLocationButton(_props: ChooseLocationProps) {
  return null
}
