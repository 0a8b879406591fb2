import * as z from 'zod'
import { idSchema, locationSchema } from './common'
import { required } from './messages'
import { pageSchema } from './report'

// Volunteers (志愿者 / 微网格员): their points and the leaderboard of a community, and the
// patrol log (巡查打卡) of a walk through their micro-grid.

const obj = <S extends z.ZodRawShape>(shape: S) => z.object(shape, required('提交内容', '对象'))

/** Without a community: the caller's own (their home grid's community). */
export const leaderboardSchema = obj({ communityId: idSchema('社区编号').optional() })
export type LeaderboardInput = z.infer<typeof leaderboardSchema>

export const myPointsSchema = pageSchema
export type MyPointsInput = z.infer<typeof myPointsSchema>

/** A patrol holds at most this many check-ins (one every few minutes over a long walk). */
export const MAX_CHECK_INS = 200

export const startPatrolSchema = obj({ location: locationSchema })
export type StartPatrolInput = z.infer<typeof startPatrolSchema>

/** A check-in (打卡) on the way, or the end of the walk, at the volunteer's point. */
export const patrolPointSchema = obj({ patrolId: idSchema('巡查编号'), location: locationSchema })
export type PatrolPointInput = z.infer<typeof patrolPointSchema>

export const listPatrolsSchema = pageSchema
export type ListPatrolsInput = z.infer<typeof listPatrolsSchema>
