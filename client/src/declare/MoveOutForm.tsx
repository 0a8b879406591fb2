import { Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { useRef, useState } from 'react'
import type { DeclarationView, HouseholdView } from '../../../shared/api'
import { CONSENT } from '../../../shared/declarations/consent'
import { shanghaiToday } from '../../../shared/identity/calendarDate'
import { declareMoveOutSchema } from '../../../shared/schemas/declaration'
import { call, toApiError } from '../api/client'
import FieldError from '../components/FieldError'
import { useFieldErrors } from '../lib/fieldErrors'
import { newRequestId } from '../lib/requestId'
import ConsentBox from './ConsentBox'
import DateField from './DateField'
import { checkForm, formFields } from './fieldPaths'

interface Props { household: HouseholdView; onSent: (d: DeclarationView) => void; onCancel: () => void }

/** 办理迁出: who moves out and when, checked by the grid worker like any declaration. */
export default function MoveOutForm({ household, onSent, onCancel }: Props) {
  const [chosen, setChosen] = useState<string[]>([])
  const [date, setDate] = useState('')
  const [agreed, setAgreed] = useState(false)
  const { errors, setErrors, clear } = useFieldErrors()
  const [formError, setFormError] = useState('')
  const [sending, setSending] = useState(false)
  // one id per move-out form, kept across retries: a lost answer never files it twice
  const requestId = useRef(newRequestId())
  const today = shanghaiToday()
  // no one moves out before they moved in (the server says so too)
  const earliest = household.residents.filter((r) => chosen.includes(r.id)).map((r) => r.moveInDate).sort().pop()

  const toggle = (id: string) => {
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]))
    clear('residentIds')
  }

  const submit = async () => {
    if (sending || !agreed) return
    const checked = checkForm(declareMoveOutSchema, { roomId: household.roomId, residentIds: chosen, moveOutDate: date, consentVersion: CONSENT.version })
    if (!checked.ok) {
      setErrors(checked.fields)
      setFormError('请按红字提示修改后再提交')
      return
    }
    setErrors({})
    setFormError('')
    setSending(true)
    try {
      onSent(await call('resident', 'declareMoveOut', checked.value, { requestId: requestId.current }))
    } catch (e) {
      const err = toApiError(e)
      setErrors(formFields(err.fields))
      setFormError(err.network ? '网络不通，请再点“提交迁出”（不会重复提交）' : err.message)
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='declare-moveout' id={`moveout-${household.roomId.replace(/[^A-Za-z0-9_-]/g, '_')}`}>
      <Text className='gl-title'>办理迁出</Text>
      <Text className='gl-muted'>选择已经搬走的居住人和迁出日期。网格员核查后，他们将从本户的登记中注销。</Text>
      <View className='gl-field' ariaRole='group' ariaLabel='迁出的居住人'>
        <Text className='gl-label'>迁出的居住人</Text>
        {household.residents.map((r, i) => {
          const on = chosen.includes(r.id)
          return (
            <View key={r.id} id={`moveout-resident-${i}`} className={on ? 'declare-agree declare-agree-on' : 'declare-agree'} ariaRole='checkbox'
              ariaLabel={`${r.name}${on ? '（已选）' : ''}`} aria-checked={on} onClick={() => toggle(r.id)}>
              <Text className='declare-agree-box'>{on ? '☑' : '☐'}</Text>
              <Text>{`${r.name}（${r.relationName}，${r.moveInDate} 入住）`}</Text>
            </View>
          )
        })}
        <FieldError name='residentIds' message={errors.residentIds} />
      </View>
      <DateField id='moveout-date' name='moveOutDate' label='迁出日期' value={date} start={earliest} end={today}
        onChange={(v) => { setDate(v); clear('moveOutDate') }} error={errors.moveOutDate} />
      <ConsentBox idPrefix='moveout' agreed={agreed} error={errors.consentVersion} onChange={(on) => { setAgreed(on); clear('consentVersion') }} />
      {formError && <View id='moveout-error' className='form-error' ariaRole='alert'>{formError}</View>}
      <Button id='moveout-submit' className='gl-submit' type='primary' block size='large' disabled={!agreed} loading={sending} onClick={submit}>
        {sending ? '正在提交…' : '提交迁出'}
      </Button>
      {!agreed && <Text className='gl-muted declare-submit-hint'>请先阅读告知书，并勾选“我已阅读并同意”。</Text>}
      <Text id='moveout-cancel' className='gl-link' onClick={onCancel}>不办理了</Text>
    </View>
  )
}
