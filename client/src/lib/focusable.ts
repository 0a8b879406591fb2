// A tappable row made of View/Text, reachable by keyboard on H5 too (axe's
// scrollable-region-focusable: a scrolling page must hold something focusable). Taro's types
// have no tabIndex on View/Text; the H5 components pass it to the element, the mini-program
// ignores it.
export const FOCUSABLE = { tabIndex: 0 } as Record<string, unknown>
