import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { useState } from 'react'
import type { VerificationDetail } from '../../../../shared/api'
import { CONFIRM_COLOUR } from '../../../../shared/declarations/tones'
import type { ReviewDecision } from '../../../../shared/declarations/words'
import { REASON_MAX, REASON_MIN, reviewDeclarationSchema } from '../../../../shared/schemas/declaration'
import { call } from '../../api/client'
import TextField from '../../components/TextField'
import { check, useFormSend } from '../../lib/fieldErrors'

interface Props { detail: VerificationDetail; onDone: (d: VerificationDetail, decision: ReviewDecision) => void; onConflict: (message: string) => void }

type WithReason = Exclude<ReviewDecision, 'approve'>
const REASON_WORDS: Record<WithReason, { label: string; placeholder: string; submit: string }> = {
  reject: { label: '不予通过的原因（居民会看到）', placeholder: '例如：该房屋已出售，申报人不再居住', submit: '确定不予通过' },
  ask_more: { label: '需要居民补充的信息（居民会看到）', placeholder: '例如：请核对王小明的证件号码，与原件不一致', submit: '发给居民补充' },
}

/** 核验通过, 不予通过 or 请补充信息: the last two with a reason the declarant reads; every send carries the version read. */
export default function ReviewForm({ detail: d, onDone, onConflict }: Props) {
  const [mode, setMode] = useState<WithReason | null>(null)
  const [reason, setReason] = useState('')
  const { errors, setErrors, edit, formError, setFormError, sending, send } = useFormSend()

  const review = async (decision: ReviewDecision) => {
    if (sending) return
    const checked = check(reviewDeclarationSchema, { declarationId: d.id, version: d.version, decision, reason: decision === 'approve' || !reason.trim() ? undefined : reason })
    if (!checked.ok) {
      setErrors(checked.fields)
      return
    }
    const done = await send(() => call('worker', 'reviewDeclaration', checked.value), (err) => { if (err.code === 'CONFLICT') onConflict(err.message) })
    if (done) onDone(done, decision)
  }

  const approve = async () => {
    if (sending) return
    setFormError('')
    const n = d.persons.length
    const content = d.kind === 'move_out'
      ? `${n} 人将从 ${d.addressLabel} 注销（迁出），居民会收到通知。确定核验通过吗？`
      : `${n} 人将登记为 ${d.addressLabel} 的实有人口，居民会收到通知。确定核验通过吗？`
    const sure = await Taro.showModal({ title: '核验通过', content, confirmText: '核验通过', cancelText: '返回核对', confirmColor: CONFIRM_COLOUR })
    if (sure.confirm) await review('approve')
  }

  const open = (m: WithReason) => {
    setMode(m)
    setErrors({})
    setFormError('')
  }

  return (
    <View id='review-form' className='gl-card'>
      <Text className='gl-title'>核查结果</Text>
      <Text className='gl-muted'>请对照证件原件核对每位居住人的姓名、证件号码和入住日期；有疑问可请居民补充信息。</Text>
      {mode === null ? (
        <View className='review-buttons'>
          <Button id='review-approve' type='primary' size='large' loading={sending} onClick={approve}>核验通过</Button>
          <Button id='review-reject' size='large' onClick={() => open('reject')}>不予通过</Button>
          <Button id='review-ask-more' size='large' onClick={() => open('ask_more')}>请补充信息</Button>
        </View>
      ) : (
        <View>
          <TextField name='reason' idPrefix='review' label={REASON_WORDS[mode].label} value={reason} onChange={edit('reason', setReason)}
            min={REASON_MIN} max={REASON_MAX} placeholder={REASON_WORDS[mode].placeholder} error={errors.reason} />
          <View className='review-buttons'>
            <Button id='review-submit' type='primary' size='large' loading={sending} onClick={() => review(mode)}>{REASON_WORDS[mode].submit}</Button>
            <Button id='review-cancel' size='large' onClick={() => { if (!sending) setMode(null) }}>返回</Button>
          </View>
        </View>
      )}
      {formError && <View id='review-form-error' className='form-error' ariaRole='alert'>{formError}</View>}
    </View>
  )
}
