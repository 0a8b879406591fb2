// Types of scripts/prereqs.mjs, for the unit test of its decision.
export interface Machine { chromium: boolean; font: boolean; fcList?: boolean; root: boolean; aptGet: boolean }
export type Plan =
  | { action: 'nothing' }
  | { action: 'install' | 'fail'; missing: string[]; packages: string[]; command: string }
export function planPrereqs(machine: Machine): Plan
export function probePrereqs(): Required<Machine>
export function ensurePrereqs(): void
