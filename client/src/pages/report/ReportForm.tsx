import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { useEffect, useRef, useState } from 'react'
import type { SubmitReportResult } from '../../../../shared/api'
import type { CategoryName as Category } from '../../../../shared/categories'
import { DESCRIPTION_MAX, DESCRIPTION_MIN, submitReportSchema } from '../../../../shared/schemas/report'
import { call, toApiError } from '../../api/client'
import CategoryPicker from '../../components/CategoryPicker'
import FieldError from '../../components/FieldError'
import TextField from '../../components/TextField'
import LocationPicker from '../../components/location/LocationPicker'
import { useDeviceLocation } from '../../components/location/useDeviceLocation'
import PhotoPicker from '../../components/photos/PhotoPicker'
import { usePhotoUploads } from '../../components/photos/usePhotoUploads'
import { byField, check, useFieldErrors } from '../../lib/fieldErrors'
import { requestGrants } from '../../lib/grants'
import { newRequestId } from '../../lib/requestId'

const PHOTOS_PENDING = '还有照片没有上传成功，请点“重试”或删除后再提交'

/** 随手拍: photos, place, category and words; checked with the server's own schema. */
export default function ReportForm({ catalogue, onSubmitted }: { catalogue: Category[]; onSubmitted: (r: SubmitReportResult) => void }) {
  const uploads = usePhotoUploads()
  const place = useDeviceLocation()
  const [category, setCategory] = useState('')
  const [description, setDescription] = useState('')
  const [address, setAddress] = useState('')
  const { errors, setErrors, edit, clear } = useFieldErrors()
  const [formError, setFormError] = useState('')
  const [submitting, setSubmitting] = useState(false)
  // one id per form fill, kept across retries, so a lost answer never becomes two reports
  const requestId = useRef(newRequestId())
  // the device may answer after a first, failed submit: its point settles the location message
  useEffect(() => { if (place.value) clear('location') }, [place.value])
  // adding, retrying or removing a photo answers the photos message
  useEffect(() => { clear('photos') }, [uploads.items.length, uploads.pending])

  const submit = async () => {
    if (submitting) return
    const input = { category, description, photos: uploads.fileIds, location: place.value ?? undefined, address: address.trim() || undefined }
    const checked = check(submitReportSchema, input)
    const fields = checked.ok ? {} : { ...checked.fields }
    if (uploads.pending) fields.photos = PHOTOS_PENDING
    setErrors(fields)
    if (!checked.ok || uploads.pending) {
      setFormError('请按红字提示修改后再提交')
      return
    }
    // asked once the form will be sent, before the first await: WeChat refuses it later
    requestGrants('submit')
    setFormError('')
    setSubmitting(true)
    try {
      onSubmitted(await call('resident', 'submitReport', checked.value, { requestId: requestId.current }))
    } catch (e) {
      const err = toApiError(e)
      const serverFields = byField(err.fields)
      if (err.code === 'OUTSIDE_SERVICE_AREA' && !serverFields.location) serverFields.location = err.message
      setErrors(serverFields)
      setFormError(err.network ? '网络不通，填写的内容都还在，请再点“提交”（不会重复提交）' : err.message)
      Taro.showToast({ title: err.message, icon: 'none' })
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className='report-form' id='report-form'>
      <PhotoPicker name='photos' idPrefix='report' label='现场照片' uploads={uploads} error={errors.photos} />
      <LocationPicker value={place.value} onChange={edit('location', place.setValue)} onRelocate={place.relocate} locating={place.locating}
        failed={place.failed} error={errors.location} />
      <CategoryPicker catalogue={catalogue} value={category} onChange={edit('category', setCategory)} error={errors.category} />
      <TextField name='description' idPrefix='report' label='问题描述' value={description} onChange={edit('description', setDescription)}
        min={DESCRIPTION_MIN} max={DESCRIPTION_MAX} placeholder='写清是什么问题、在哪里，例如：3栋2单元楼道堆满纸箱' error={errors.description} />
      <View className='gl-field'>
        <Text className='gl-label'>详细地址（选填）</Text>
        <Input id='report-address' className='gl-input' value={address} maxlength={100} placeholder='如 幸福里小区3栋2单元'
          onInput={(e) => edit('address', setAddress)(e.detail.value)} />
        <FieldError name='address' message={errors.address} />
      </View>
      {formError && <View id='report-form-error' className='form-error' ariaRole='alert'>{formError}</View>}
      <Button id='report-submit' className='gl-submit' type='primary' block size='large' loading={submitting} onClick={submit}>
        {submitting ? '正在提交…' : '提交'}
      </Button>
    </View>
  )
}
