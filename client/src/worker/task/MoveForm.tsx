import { Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { useState, type ReactNode } from 'react'
import type { TaskDetail } from '../../../../shared/api'
import { REASON_MAX, REASON_MIN } from '../../../../shared/schemas/moves'
import TextField from '../../components/TextField'
import { useFormSend } from '../../lib/fieldErrors'
import type { MoveWords } from './moveWords'
import type { PreparedMove } from './prepareMove'

export interface MoveOutcome { onDone: (t: TaskDetail, notice: string) => void; onConflict: (message: string) => void; onCancel: () => void }

interface Props extends MoveOutcome {
  /** the form's id, `move-<id>`; its words field is `#move-<id>-<field>` */
  id: string
  words: MoveWords
  /** the payload's name for the words: a note for 督办, a reason for the rest */
  field?: 'reason' | 'note'
  /** the fields above the words (an extension's days), given the field messages */
  extra?: (errors: Record<string, string>, clear: (field: string) => void) => ReactNode
  prepare: (text: string) => PreparedMove
  /** the fields `extra` shows, whose messages sit under them (not repeated for the form) */
  extraFields?: string[]
}

/** One written move: its words (2–200 characters), checked with the server's schema, sent with the version the person saw. */
export default function MoveForm({ id, words, field = 'reason', extra, extraFields = [], prepare, onDone, onConflict, onCancel }: Props) {
  const [text, setText] = useState('')
  const { errors, setErrors, edit, clear, formError, setFormError, sending, send } = useFormSend()

  const submit = async () => {
    if (sending) return
    const prepared = prepare(text)
    if (!prepared.ok) {
      setErrors(prepared.fields)
      // a message for no field on the form (the version read) still has to be seen
      const shown = new Set([field, 'days', ...extraFields])
      const other = Object.entries(prepared.fields).find(([k]) => !shown.has(k))
      setFormError(other ? other[1] : '')
      return
    }
    const done = await send(prepared.send, (err) => { if (err.code === 'CONFLICT') onConflict(err.message) })
    if (done) onDone(done, words.done)
  }

  return (
    <View id={`move-${id}`} className='gl-card move-form'>
      <Text className='gl-title'>{words.title}</Text>
      {extra?.(errors, clear)}
      <TextField name={field} idPrefix={`move-${id}`} label={words.label} value={text} onChange={edit(field, setText)} min={REASON_MIN} max={REASON_MAX}
        placeholder={words.placeholder} error={errors[field]} />
      {formError && <View id={`move-${id}-error`} className='form-error' ariaRole='alert'>{formError}</View>}
      <View className='move-buttons'>
        <Button id={`move-${id}-submit`} type='primary' size='large' loading={sending} onClick={submit}>{words.submit}</Button>
        <Button id={`move-${id}-cancel`} size='large' onClick={() => { if (!sending) onCancel() }}>取消</Button>
      </View>
    </View>
  )
}
