import * as z from 'zod'
import { required } from './messages'

// The one payload of binding a staff account, kept apart from the admin schemas: the bind
// page sits in the main package, which must stay small (the import schemas do not belong there).

/** A binding code as staff type it: 8 letters and digits, case and spaces forgiven. */
export const BINDING_CODE = /^[A-HJ-NP-Z2-9]{8}$/
export const bindStaffSchema = z.object(
  {
    code: z
      .string(required('绑定码', '文本'))
      .max(40, '绑定码应为8位字母和数字')
      .transform((c) => c.replace(/[\s-]/g, '').toUpperCase())
      .refine((c) => BINDING_CODE.test(c), '绑定码应为8位字母和数字（不含 0、O、1、I）'),
  },
  required('提交内容', '对象'),
)
export type BindStaffInput = z.infer<typeof bindStaffSchema>
