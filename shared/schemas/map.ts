import * as z from 'zod'
import { idSchema, locationSchema } from './common'
import { required } from './messages'

// Payloads of the map a resident sees: a community's grids drawn, which grid a point falls
// in (before a report is sent), and the grid a person picks as theirs.

export const communityMapSchema = z.object({ communityId: idSchema('社区编号') }, required('提交内容', '对象'))
export type CommunityMapInput = z.infer<typeof communityMapSchema>

export const locatePointSchema = z.object({ location: locationSchema }, required('提交内容', '对象'))
export type LocatePointInput = z.infer<typeof locatePointSchema>

/** null clears the choice: "my grid" goes back to the location. */
export const setHomeGridSchema = z.object({ gridId: idSchema('网格编号').nullable() }, required('提交内容', '对象'))
export type SetHomeGridInput = z.infer<typeof setHomeGridSchema>
