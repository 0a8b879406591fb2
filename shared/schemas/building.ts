import * as z from 'zod'
import { idSchema, locationSchema } from './common'
import { required } from './messages'

// Payloads of the building registry as residents and staff read it: a community's buildings,
// units and rooms for the address picker (the import is the admin's, shared/schemas/admin.ts).

export const listBuildingsSchema = z.object({ communityId: idSchema('社区编号') }, required('提交内容', '对象'))
export type ListBuildingsInput = z.infer<typeof listBuildingsSchema>

/** "Buildings near me": the located point (GCJ-02) of the declaration form. */
export const nearBuildingsSchema = z.object({ location: locationSchema }, required('提交内容', '对象'))
export type NearBuildingsInput = z.infer<typeof nearBuildingsSchema>
