import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { TaskDetail } from '../../../../shared/api'
import FieldError from '../../components/FieldError'
import MoveForm, { type MoveOutcome } from './MoveForm'
import type { MoveWords } from './moveWords'
import { prepareMove } from './prepareMove'

const WORDS: MoveWords = {
  title: '合并重复反映',
  label: '合并原因（记入办理过程）',
  placeholder: '例如：同一处路灯不亮，与该工单是同一问题',
  submit: '确定合并',
  done: '',
}

/**
 * 合并: this task is a duplicate of another open case, named by its 工单编号 (13 digits); its
 * reporter and followers follow that case from now on. The answer is the case merged into.
 */
export default function MergeForm({ task, onDone, ...outcome }: { task: TaskDetail } & MoveOutcome) {
  const [into, setInto] = useState('')
  return (
    <MoveForm id='merge' words={WORDS} {...outcome} extraFields={['intoCaseNumber']}
      onDone={(target) => onDone(target, `已将工单 ${task.caseNumber} 合并到本工单 ${target.caseNumber}`)}
      prepare={(reason) => prepareMove(task, { type: 'merge', intoCaseNumber: into.trim(), reason })}
      extra={(errors, clear) => (
        <View className='gl-field'>
          <Text className='gl-label'>合并到的工单编号（13位数字）</Text>
          <Input id='move-merge-into' className={errors.intoCaseNumber ? 'gl-input gl-invalid' : 'gl-input'} type='number' maxlength={13} value={into}
            placeholder='如 2026120200004' ariaLabel='合并到的工单编号' onInput={(e) => { setInto(e.detail.value); clear('intoCaseNumber') }} />
          <FieldError name='intoCaseNumber' message={errors.intoCaseNumber} />
        </View>
      )} />
  )
}
