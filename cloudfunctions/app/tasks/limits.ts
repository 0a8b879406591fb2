import { findCategory, limitsAt, type Category } from '../../../shared/catalogue'
import type { Level } from '../../../shared/levels'
import type { Task } from '../../../shared/model'
import { expectedAt, workingDayMinutes, type MachineContext } from '../../../shared/workflow/taskMachine'
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

/** The time the reporter is told to expect (taskMachine.expectedAt, the one rule), for a task as its category's limits stand. */
export const expectedAtOf = (deps: Needs<'config' | 'calendar'>, task: Task) => expectedAt(task, { calendar: deps.calendar, limits: levelLimits(deps, task.category) })
