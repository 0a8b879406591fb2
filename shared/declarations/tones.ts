import type { DeclarationKind, DeclarationStatus } from './words'

// One colour per declaration state and kind, so the resident's record and the worker's check
// read alike. Shared here because the declare and worker subpackages cannot import each other
// on WeChat. Colour is only a second cue: every tag carries its words. Each tone is dark
// enough for white text (contrast at least 4.5:1).

export type Tone = 'blue' | 'orange' | 'green' | 'red' | 'grey' | 'purple'

export const TONE_COLOURS: Readonly<Record<Tone, string>> = {
  blue: '#1d4ed8',
  orange: '#c2410c',
  green: '#047857',
  red: '#b42318',
  grey: '#4b5563',
  purple: '#6d28d9',
}

/** 待核查 in progress (blue), 需补充信息 waits on the declarant (orange), then the outcomes. */
const STATUS_TONES: Readonly<Record<DeclarationStatus, Tone>> = {
  pending: 'blue',
  more_info: 'orange',
  verified: 'green',
  rejected: 'red',
  withdrawn: 'grey',
}

/** 居住登记 is the usual kind (grey); 迁出注销 takes people off the register and stands out. */
const KIND_TONES: Readonly<Record<DeclarationKind, Tone>> = { move_in: 'grey', move_out: 'purple' }

export const statusTone = (status: DeclarationStatus): Tone => STATUS_TONES[status]
export const kindTone = (kind: DeclarationKind): Tone => KIND_TONES[kind]

/**
 * A declaration dialog's confirm (核验通过, 清空, 撤回): the app's primary blue (app.css
 * --gl-blue), stronger than WeChat's default grey-blue, so the button reads as the action.
 */
export const CONFIRM_COLOUR = '#1d5fd6'
