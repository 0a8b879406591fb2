import { Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { useEffect, useState } from 'react'
import type { TaskDetail } from '../../../../shared/api'
import { RESULT_MAX, RESULT_MIN, resolveTaskSchema } from '../../../../shared/schemas/task'
import { call } from '../../api/client'
import TextField from '../../components/TextField'
import PhotoPicker from '../../components/photos/PhotoPicker'
import { usePhotoUploads } from '../../components/photos/usePhotoUploads'
import { check, useFormSend } from '../../lib/fieldErrors'
import { requestGrants } from '../../lib/grants'

interface Props { task: TaskDetail; onDone: (t: TaskDetail) => void; onConflict: (message: string) => void }

/** 办结: what was done, with 1–9 photos of the result (requirement 3: handling is standardised). */
export default function ResolveForm({ task, onDone, onConflict }: Props) {
  const uploads = usePhotoUploads()
  const [text, setText] = useState('')
  const { errors, setErrors, edit, clear, formError, sending, send } = useFormSend()
  // adding, retrying or removing a photo answers the photos message
  useEffect(() => { clear('photos') }, [uploads.items.length, uploads.pending])

  const submit = async () => {
    if (sending) return
    const checked = check(resolveTaskSchema, { taskId: task.taskId, version: task.version, text, photos: uploads.fileIds })
    const fields = checked.ok ? {} : { ...checked.fields }
    if (uploads.pending) fields.photos = '还有照片没有上传成功，请点“重试”或删除后再提交'
    setErrors(fields)
    if (!checked.ok || uploads.pending) return
    // asked once the result will be sent, before the first await: WeChat refuses it later
    requestGrants('resolve')
    const done = await send(() => call('worker', 'resolveTask', checked.value), (err) => { if (err.code === 'CONFLICT') onConflict(err.message) })
    if (done) onDone(done)
  }

  return (
    <View id='resolve-form' className='gl-card'>
      <Text className='gl-title'>填写处理结果</Text>
      <TextField name='text' idPrefix='resolve' label='处理结果' value={text} onChange={edit('text', setText)} min={RESULT_MIN} max={RESULT_MAX}
        placeholder='写明怎么处理的，例如：已联系物业清走楼道纸箱，并提醒住户' error={errors.text} />
      <PhotoPicker name='photos' idPrefix='resolve' label='处理后照片' uploads={uploads} error={errors.photos} />
      {formError && <View id='resolve-form-error' className='form-error' ariaRole='alert'>{formError}</View>}
      <Button id='task-resolve' type='primary' block size='large' loading={sending} onClick={submit}>办结并回复居民</Button>
    </View>
  )
}
