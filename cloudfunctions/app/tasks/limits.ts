import { findCategory, limitsAt, type Category } from '../../../shared/catalogue'
import type { Level } from '../../../shared/levels'
import type { Task } from '../../../shared/model'
import { addWorkingMinutes } from '../../../shared/calendar/workingTime'
import { workingDayMinutes, type MachineContext } from '../../../shared/workflow/taskMachine'
import type { Needs } from '../ports'

// A task's category as the catalogue gives it (an unknown code falls back to the first
// category, so a catalogue edit never strands old tasks), and its limits per level in
// working minutes on the deployment's calendar.

export const categoryOf = (deps: Needs<'config'>, code: string): Category => findCategory(deps.config.catalogue, code) ?? deps.config.catalogue[0]

export function levelLimits(deps: Needs<'config' | 'calendar'>, code: string): (level: Level) => ReturnType<typeof limitsAt> {
  const category = categoryOf(deps, code)
  const day = workingDayMinutes(deps.calendar)
  return (level) => limitsAt(category, level, day)
}

/** The machine's context for an actor on a task's category. */
export function machineContext(deps: Needs<'config' | 'calendar'>, actorId: string, now: number, category: string): MachineContext {
  return { actorId, now, calendar: deps.calendar, limits: levelLimits(deps, category) }
}

/** When a task not yet accepted should be resolved by: its accept deadline plus the resolve limit of its level. */
export const expectedResolveAt = (deps: Needs<'config' | 'calendar'>, task: Pick<Task, 'category' | 'level'>) => (acceptDueAt: number) =>
  addWorkingMinutes(acceptDueAt, levelLimits(deps, task.category)(task.level).resolveMinutes, deps.calendar)
