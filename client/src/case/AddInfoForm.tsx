import { Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { useEffect, useState } from 'react'
import type { ReportDetail } from '../../../shared/api'
import { INFO_MAX, INFO_MIN, addReportInfoSchema } from '../../../shared/schemas/followUp'
import { call, type ApiError } from '../api/client'
import TextField from '../components/TextField'
import PhotoPicker from '../components/photos/PhotoPicker'
import { usePhotoUploads } from '../components/photos/usePhotoUploads'
import { check, useFormSend } from '../lib/fieldErrors'

const PHOTOS_PENDING = '还有照片没有上传成功，请点“重试”或删除后再提交'

interface Props {
  reportId: string
  onDone: (d: ReportDetail) => void
  onConflict: (err: ApiError) => void
  onCancel: () => void
}

/** 补充说明: words and, if it helps, photos, added to the case's timeline for whoever handles it. */
export default function AddInfoForm({ reportId, onDone, onConflict, onCancel }: Props) {
  const [text, setText] = useState('')
  const uploads = usePhotoUploads()
  const { errors, setErrors, edit, clear, formError, setFormError, sending, send } = useFormSend()
  useEffect(() => { clear('photos') }, [uploads.items.length, uploads.pending])

  const submit = async () => {
    if (sending) return
    const checked = check(addReportInfoSchema, { reportId, text, photos: uploads.fileIds })
    const fields = checked.ok ? {} : { ...checked.fields }
    if (uploads.pending) fields.photos = PHOTOS_PENDING
    setErrors(fields)
    if (!checked.ok || uploads.pending) return setFormError('请按红字提示修改后再提交')
    const done = await send(() => call('resident', 'addReportInfo', checked.value), (err) => { if (err.code === 'CONFLICT') onConflict(err) })
    if (done) onDone(done)
  }

  return (
    <View id='add-info-form' className='gl-field'>
      <Text className='gl-label'>补充说明</Text>
      <Text className='gl-muted'>想起了新的情况，或者问题有了变化，可以写下来，处理人会收到。</Text>
      <TextField name='text' idPrefix='add-info' label='补充的内容' value={text} onChange={edit('text', setText)} min={INFO_MIN} max={INFO_MAX}
        placeholder='例如：今天早上又多了几袋垃圾' error={errors.text} />
      <PhotoPicker name='photos' idPrefix='add-info' label='补充照片（选填）' uploads={uploads} error={errors.photos} />
      {formError && <View id='add-info-form-error' className='form-error' ariaRole='alert'>{formError}</View>}
      <Button id='add-info-submit' type='primary' block size='large' loading={sending} onClick={submit}>提交补充说明</Button>
      <Button id='add-info-cancel' block size='large' onClick={onCancel}>取消</Button>
    </View>
  )
}
