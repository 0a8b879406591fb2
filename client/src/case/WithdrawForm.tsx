import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { useState } from 'react'
import type { ReportDetail } from '../../../shared/api'
import { WITHDRAW_REASON_MAX, withdrawReportSchema } from '../../../shared/schemas/followUp'
import { call, type ApiError } from '../api/client'
import TextField from '../components/TextField'
import { check, useFormSend } from '../lib/fieldErrors'

interface Props {
  reportId: string
  onDone: (d: ReportDetail) => void
  onConflict: (err: ApiError) => void
  onCancel: () => void
}

/** 撤回: an optional reason, then a confirmation that says what withdrawing means. */
export default function WithdrawForm({ reportId, onDone, onConflict, onCancel }: Props) {
  const [reason, setReason] = useState('')
  const { errors, setErrors, edit, formError, sending, send } = useFormSend()

  const submit = async () => {
    if (sending) return
    const checked = check(withdrawReportSchema, { reportId, reason: reason.trim() || undefined })
    if (!checked.ok) return setErrors(checked.fields)
    setErrors({})
    const { confirm } = await Taro.showModal({
      title: '确定撤回吗？', content: '撤回后工作人员将不再处理这条反映，撤回后不能恢复。如问题仍在，可以重新上报。', confirmText: '确定撤回', cancelText: '不撤回',
    })
    if (!confirm) return
    const done = await send(() => call('resident', 'withdrawReport', checked.value), (err) => { if (err.code === 'CONFLICT') onConflict(err) })
    if (done) onDone(done)
  }

  return (
    <View id='withdraw-form' className='gl-field'>
      <Text className='gl-label'>撤回这条反映</Text>
      <Text className='gl-muted'>还没有工作人员签收时可以撤回，例如问题已经自己解决，或者报错了。</Text>
      <TextField name='reason' idPrefix='withdraw' label='撤回原因（选填）' value={reason} onChange={edit('reason', setReason)} max={WITHDRAW_REASON_MAX}
        placeholder='例如：问题已经解决了' error={errors.reason} />
      {formError && <View id='withdraw-form-error' className='form-error' ariaRole='alert'>{formError}</View>}
      <Button id='withdraw-submit' type='primary' block size='large' loading={sending} onClick={submit}>撤回</Button>
      <Button id='withdraw-cancel' block size='large' onClick={onCancel}>不撤回了</Button>
    </View>
  )
}
