import { Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { useState } from 'react'
import type { RevealedField } from '../../../../shared/api'
import { REVEALABLE_FIELD_NAMES, type RevealableField } from '../../../../shared/declarations/words'
import { REASON_MAX, REASON_MIN, revealPersonFieldSchema } from '../../../../shared/schemas/declaration'
import { call } from '../../api/client'
import TextField from '../../components/TextField'
import { check, useFormSend } from '../../lib/fieldErrors'

interface Props {
  declarationId: string
  personId: string
  personName: string
  field: RevealableField
  onRevealed: (r: RevealedField) => void
  onClose: () => void
}

/**
 * 查看完整号码: the reason first (the shared schema, so the words are the server's), then the
 * number. The server writes the audit entry before it answers, so nothing is asked without one.
 */
export default function RevealDialog({ declarationId, personId, personName, field, onRevealed, onClose }: Props) {
  const [reason, setReason] = useState('')
  const { errors, setErrors, edit, formError, sending, send } = useFormSend()
  const fieldName = REVEALABLE_FIELD_NAMES[field]

  const submit = async () => {
    if (sending) return
    const checked = check(revealPersonFieldSchema, { declarationId, personId, field, reason })
    if (!checked.ok) {
      setErrors(checked.fields)
      return
    }
    const r = await send(() => call('worker', 'revealPersonField', checked.value))
    if (r) onRevealed(r)
  }

  return (
    <View id='reveal-dialog-wrap'>
      <View className='reveal-mask' onClick={sending ? undefined : onClose} />
      <View id='reveal-dialog' className='reveal-dialog' ariaRole='dialog' ariaLabel={`查看${personName}的完整${fieldName}`}>
        <Text className='gl-title'>{`查看 ${personName} 的完整${fieldName}`}</Text>
        <Text id='reveal-explain' className='reveal-explain'>
          {`查看将记入审计日志：谁、何时、查看了谁的${fieldName}、理由是什么，区网格办可以查阅，不能修改或删除。只在核查确有需要时查看，例如与证件原件核对。`}
        </Text>
        <TextField name='revealReason' idPrefix='reveal' label='查看理由（必填）' value={reason} onChange={edit('reason', setReason)}
          min={REASON_MIN} max={REASON_MAX} placeholder='例如：上门核对证件原件' error={errors.reason} />
        {formError && <View id='reveal-form-error' className='form-error' ariaRole='alert'>{formError}</View>}
        <View className='reveal-actions'>
          <Button id='reveal-submit' type='primary' size='large' loading={sending} onClick={submit}>记录理由并查看</Button>
          <Button id='reveal-cancel' size='large' onClick={sending ? undefined : onClose}>取消</Button>
        </View>
      </View>
    </View>
  )
}
