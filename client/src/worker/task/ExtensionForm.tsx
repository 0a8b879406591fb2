import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { TaskDetail } from '../../../../shared/api'
import { MAX_EXTENSION_DAYS } from '../../../../shared/schemas/moves'
import FieldError from '../../components/FieldError'
import MoveForm, { type MoveOutcome } from './MoveForm'
import { moveWords } from './moveWords'
import { daysOf, prepareMove } from './prepareMove'

// the lengths asked most often, one tap each; any other number can be typed
const QUICK_DAYS = [1, 3, 5, 10]

/** 申请延期: how many working days (1–30) and why; the level above decides. */
export default function ExtensionForm({ task, ...outcome }: { task: TaskDetail } & MoveOutcome) {
  const [days, setDays] = useState('')
  return (
    <MoveForm id='extension' words={moveWords('requestExtension', task)} {...outcome}
      prepare={(reason) => prepareMove(task, { type: 'requestExtension', days: daysOf(days), reason })}
      extra={(errors, clear) => (
        <View className='gl-field'>
          <Text className='gl-label'>{`延期几个工作日（1–${MAX_EXTENSION_DAYS}）`}</Text>
          <View className='chip-row'>
            {QUICK_DAYS.map((d) => (
              <Text key={d} id={`move-extension-days-${d}`} className={days === String(d) ? 'chip chip-on' : 'chip'} onClick={() => { setDays(String(d)); clear('days') }}>
                {`${d}天`}
              </Text>
            ))}
          </View>
          <Input id='move-extension-days' className={errors.days ? 'gl-input move-days gl-invalid' : 'gl-input move-days'} type='number' value={days}
            placeholder='或填写天数' onInput={(e) => { setDays(e.detail.value); clear('days') }} />
          <FieldError name='days' message={errors.days} />
        </View>
      )} />
  )
}
