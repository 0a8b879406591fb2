import { LEVEL_INFO, LEVELS } from '../../shared/levels'
import { RESIDENT_PHASE_WORDS, residentPhase, residentStatus } from '../../shared/workflow/residentStatus'
import { TASK_STATUSES, type TaskStatus } from '../../shared/workflow/status'

// The five words a resident's pages use for a case's state, for every state the workflow has.

test.each<[TaskStatus, string]>([
  ['submitted', '已受理'],
  ['assigned', '已受理'],
  ['transferred', '已受理'],
  ['escalated', '已受理'],
  ['returned', '已受理'],
  ['reopened', '已受理'],
  ['accepted', '处理中'],
  ['extension_requested', '处理中'],
  ['resolved', '已办结'],
  ['closed', '已办结'],
  ['withdrawn', '已撤回'],
  ['rejected', '不予受理'],
])('a %s case reads %s', (status, words) => {
  expect(residentStatus(status)).toBe(words)
})

test('every state has a resident word, and only the five words are used', () => {
  const used = new Set(TASK_STATUSES.map(residentStatus))
  expect([...used].sort()).toEqual(Object.values(RESIDENT_PHASE_WORDS).sort())
  for (const s of TASK_STATUSES) expect(RESIDENT_PHASE_WORDS[residentPhase(s)]).toBe(residentStatus(s))
})

test('no resident word names a level or a staff step', () => {
  const staff = [...LEVELS.flatMap((l) => [LEVEL_INFO[l].name, LEVEL_INFO[l].colourName]), '签收', '派单', '延期', '返工']
  for (const w of Object.values(RESIDENT_PHASE_WORDS)) for (const s of staff) expect(w).not.toContain(s)
})

test('the module stays free of zod and of the workflow machine (the main package imports it)', () => {
  const source = require('node:fs').readFileSync(require.resolve('../../shared/workflow/residentStatus'), 'utf8') as string
  expect(source.match(/from '[^']+'/g)).toEqual(["from './status'"])
})
