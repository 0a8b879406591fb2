import type { Clock } from '../app/ports'

/** The host's clock; dev mode may move it forward so escalation can be seen without waiting. */
export class MovableClock implements Clock {
  private offsetMs = 0
  now() { return Date.now() + this.offsetMs }
  advance(minutes: number) { this.offsetMs += minutes * 60_000 }
}
