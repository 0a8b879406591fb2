import { Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { useState } from 'react'
import type { ReportDetail } from '../../../shared/api'
import { COMMENT_MAX, rateReportSchema, ratingReopens } from '../../../shared/schemas/report'
import { call } from '../api/client'
import FieldError from '../components/FieldError'
import TextField from '../components/TextField'
import { check, useFormSend } from '../lib/fieldErrors'
import StarButtons from './StarButtons'

/** 评价: stars, solved or not, and a comment; "未解决" or ≤ 2 stars sends it back for rework. */
export default function RateForm({ reportId, onRated }: { reportId: string; onRated: (d: ReportDetail) => void }) {
  const [stars, setStars] = useState(0)
  const [solved, setSolved] = useState<boolean | undefined>(undefined)
  const [comment, setComment] = useState('')
  const { errors, setErrors, edit, formError, sending, send } = useFormSend()

  const submit = async () => {
    if (sending) return
    const checked = check(rateReportSchema, { reportId, stars, solved, comment: comment.trim() || undefined })
    if (!checked.ok) {
      setErrors(checked.fields)
      return
    }
    setErrors({})
    const rated = await send(() => call('resident', 'rateReport', checked.value))
    if (rated) onRated(rated)
  }

  const reopens = stars > 0 && solved !== undefined && ratingReopens({ stars, solved })
  return (
    <View id='rate-form' className='gl-card rate-form'>
      <Text className='gl-title'>评价本次办理</Text>
      <View className='gl-field'>
        <Text className='gl-label'>问题解决了吗？</Text>
        <View className='chip-row'>
          <Text id='rate-solved-yes' className={solved === true ? 'chip chip-on' : 'chip'} onClick={() => edit('solved', setSolved)(true)}>
            {solved === true ? '✓ 已解决' : '已解决'}
          </Text>
          <Text id='rate-solved-no' className={solved === false ? 'chip chip-on chip-warn' : 'chip'} onClick={() => edit('solved', setSolved)(false)}>
            {solved === false ? '✓ 未解决' : '未解决'}
          </Text>
        </View>
        <FieldError name='solved' message={errors.solved} />
      </View>
      <View className='gl-field'>
        <Text className='gl-label'>满意程度</Text>
        <StarButtons value={stars} onChange={edit('stars', setStars)} />
        <FieldError name='stars' message={errors.stars} />
      </View>
      <TextField name='comment' idPrefix='rate' label='想说的话（选填）' value={comment} onChange={edit('comment', setComment)} max={COMMENT_MAX}
        placeholder='例如：处理得很及时，谢谢' error={errors.comment} />
      {reopens && <Text id='rate-reopen-hint' className='gl-notice'>提交后将退回网格员重新处理（返工）。</Text>}
      {formError && <View id='rate-form-error' className='form-error' ariaRole='alert'>{formError}</View>}
      <Button id='rate-submit' type='primary' block size='large' loading={sending} onClick={submit}>提交评价</Button>
    </View>
  )
}
