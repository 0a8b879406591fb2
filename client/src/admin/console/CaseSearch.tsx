import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { findCaseSchema } from '../../../../shared/schemas/moves'
import { call } from '../../api/client'
import FieldError from '../../components/FieldError'
import { check, useFormSend } from '../../lib/fieldErrors'
import { routes } from '../../lib/routes'

/** 工单编号 search: the number a resident reads out on the phone opens its task. */
export default function CaseSearch() {
  const [caseNumber, setCaseNumber] = useState('')
  const { errors, setErrors, edit, formError, setFormError, sending, send } = useFormSend()

  const search = async () => {
    if (sending) return
    const checked = check(findCaseSchema, { caseNumber })
    if (!checked.ok) return setErrors(checked.fields)
    const found = await send(() => call('admin', 'findCase', checked.value))
    if (found) Taro.navigateTo({ url: routes.task(found.taskId) })
  }

  // not found or not in the caller's area: said beside the field, where the number was typed
  const message = errors.caseNumber ?? formError
  return (
    <View id='case-search' className='gl-field console-search'>
      <Text className='gl-label'>按工单编号查找</Text>
      <View className='console-search-row'>
        <Input id='case-search-input' className={message ? 'gl-input console-search-input gl-invalid' : 'gl-input console-search-input'} type='number'
          value={caseNumber} maxlength={13} placeholder='13位数字，如 2026120100123' onInput={(e) => { edit('caseNumber', setCaseNumber)(e.detail.value); setFormError('') }} onConfirm={search} />
        <Text id='case-search-submit' className='gl-mini-btn console-search-btn' onClick={search}>{sending ? '正在查找…' : '查找'}</Text>
      </View>
      <FieldError name='caseNumber' message={message} />
    </View>
  )
}
