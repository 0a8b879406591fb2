import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { useEffect, useMemo, useState } from 'react'
import type { SubmitReportResult } from '../../../../shared/api'
import type { CategoryName as Category } from '../../../../shared/categories'
import { isReporterRole } from '../../../../shared/roles'
import { DESCRIPTION_MAX, DESCRIPTION_MIN, submitReportSchema } from '../../../../shared/schemas/report'
import { call, toApiError } from '../../api/client'
import { getUser } from '../../api/session'
import CategoryPicker from '../../components/CategoryPicker'
import FieldError from '../../components/FieldError'
import OnBehalfFields from '../../components/OnBehalfFields'
import TextField from '../../components/TextField'
import LocationPicker from '../../components/location/LocationPicker'
import type { Point } from '../../components/location/types'
import { useDeviceLocation } from '../../components/location/useDeviceLocation'
import PhotoPicker from '../../components/photos/PhotoPicker'
import { afterFailure, attemptFor, clearDraft, fingerprint, useDraftSaving, type DraftRequest } from '../../lib/drafts'
import { byField, check, useFieldErrors } from '../../lib/fieldErrors'
import { requestGrants } from '../../lib/grants'
import { checkOnBehalf, emptyOnBehalf, ON_BEHALF_FIELDS, mayFileOnBehalf, onBehalfErrors, onBehalfPayload, onlyOnBehalf } from '../../lib/onBehalf'
import { newRequestId } from '../../lib/requestId'
import { routes } from '../../lib/routes'
import DraftNotice from './DraftNotice'
import NearbyReports from './NearbyReports'
import { hasContent, loadReportDraft, reportDraftKey, type ReportFill } from './reportDraft'
import { useKeptPhotos } from './useKeptPhotos'
import { useNearbyReports } from './useNearbyReports'

const PHOTOS_PENDING = '还有照片没有上传成功，请点“重试”或删除后再提交'
const NETWORK = '网络不通，填写的内容都还在本机，请再点“提交”（不会重复提交）'

interface Props {
  catalogue: Category[]
  onSubmitted: (r: SubmitReportResult) => void
  /** 代居民反映 switched on as the page opens (the worker inbox's entry, `?onBehalf=1`) */
  startOnBehalf?: boolean
}

/**
 * 随手拍: photos, place, category and words; checked with the server's own schema, kept as a
 * draft on the phone until sent. A volunteer or a grid's staff may file it for a resident (代报).
 */
export default function ReportForm({ catalogue, onSubmitted, startOnBehalf }: Props) {
  const user = getUser()
  const key = reportDraftKey(user?.id ?? 'anon')
  const [start] = useState(() => loadReportDraft(key))
  const mayBehalf = mayFileOnBehalf(user?.role)
  const [behalfOn, setBehalfOn] = useState(() => mayBehalf && (onlyOnBehalf(user?.role) || !!startOnBehalf || !!start?.fill.onBehalf))
  const [behalf, setBehalf] = useState(() => start?.fill.onBehalf ?? emptyOnBehalf())
  const [restoredAt, setRestoredAt] = useState(start?.savedAt)
  const uploads = useKeptPhotos(start?.fill.photos ?? [])
  const device = useDeviceLocation()
  // a point the person placed, or the draft's: where the problem was, whatever the phone says now
  const [placed, setPlaced] = useState<Point | null>(start?.fill.location ?? null)
  const location = placed ?? device.value
  const [category, setCategory] = useState(start?.fill.category ?? '')
  const [description, setDescription] = useState(start?.fill.description ?? '')
  const [address, setAddress] = useState(start?.fill.address ?? '')
  // one id per form fill, kept across retries and in the draft, so a lost answer never becomes two reports
  const [request, setRequest] = useState<DraftRequest>(() => (start ? { requestId: start.requestId, unanswered: start.unanswered } : { requestId: newRequestId() }))
  const [sent, setSent] = useState(false)
  const { errors, setErrors, edit, clear } = useFieldErrors()
  const [formError, setFormError] = useState('')
  const [submitting, setSubmitting] = useState(false)
  const fill: ReportFill = useMemo(() => ({ category, description, address, location, photos: uploads.kept, ...(behalfOn ? { onBehalf: behalf } : {}) }),
    [category, description, address, location, uploads.kept, behalfOn, behalf])
  const nearby = useNearbyReports(category, location)
  const draft = useDraftSaving(key, { fill, ...request }, hasContent(fill) && !sent)
  // the device may answer after a first, failed submit: its point settles the location message
  useEffect(() => { if (location) clear('location') }, [location])
  // adding, retrying or removing a photo answers the photos message
  useEffect(() => { clear('photos') }, [uploads.items.length, uploads.pending])

  const startOver = async () => {
    const { confirm } = await Taro.showModal({ title: '清空重填', content: '填写的内容（包括本机草稿）将全部删除，确定清空吗？', confirmText: '全部清空', cancelText: '保留内容' })
    if (!confirm) return
    draft.cancel()
    clearDraft(key)
    uploads.reset()
    setPlaced(null)
    setCategory('')
    setDescription('')
    setAddress('')
    setBehalf(emptyOnBehalf())
    setRequest({ requestId: newRequestId() })
    setRestoredAt(undefined)
    setErrors({})
    setFormError('')
  }

  const submit = async () => {
    if (submitting) return
    const input = { category, description, photos: uploads.fileIds, location: location ?? undefined, address: address.trim() || undefined }
    const checked = check(submitReportSchema, input)
    const fields = checked.ok ? {} : { ...checked.fields }
    if (uploads.pending) fields.photos = PHOTOS_PENDING
    if (behalfOn) Object.assign(fields, checkOnBehalf(behalf))
    setErrors(fields)
    if (!checked.ok || Object.keys(fields).length > 0) {
      setFormError('请按红字提示修改后再提交')
      return
    }
    // asked once the form will be sent, before the first await: WeChat refuses it later
    requestGrants('submit')
    setFormError('')
    setSubmitting(true)
    const onBehalf = behalfOn ? onBehalfPayload(behalf) : undefined
    const attempt = attemptFor(request, fingerprint(onBehalf ? { ...checked.value, onBehalf } : checked.value))
    try {
      const routed = onBehalf
        ? await call('resident', 'reportOnBehalf', { ...checked.value, onBehalf }, { requestId: attempt.requestId })
        : await call('resident', 'submitReport', checked.value, { requestId: attempt.requestId })
      setSent(true)
      draft.cancel()
      clearDraft(key)
      onSubmitted(routed)
    } catch (e) {
      const err = toApiError(e)
      setRequest(afterFailure(attempt, !err.network))
      // the resident's name and phone keep a message each (byField would fold them into one "onBehalf")
      const { onBehalf: _folded, ...serverFields } = { ...byField(err.fields), ...onBehalfErrors(err.fields) }
      if (err.code === 'OUTSIDE_SERVICE_AREA' && !serverFields.location) serverFields.location = err.message
      // a content-check refusal names its field: the message sits under it, saying what to change
      setErrors(serverFields)
      setFormError(err.network ? NETWORK : err.message)
      Taro.showToast({ title: err.message, icon: 'none' })
    } finally {
      setSubmitting(false)
    }
  }

  // 我也遇到: following it is instead of this report, so the draft goes with it
  const joined = (reportId: string) => {
    setSent(true)
    draft.cancel()
    clearDraft(key)
    Taro.showToast({ title: '已关注，处理结果会通知您', icon: 'none' })
    Taro.redirectTo({ url: routes.reportDetail(reportId) })
  }

  return (
    <View className='report-form' id='report-form'>
      <DraftNotice restoredAt={restoredAt} canClear={hasContent(fill)} onClear={startOver} />
      <PhotoPicker name='photos' idPrefix='report' label='现场照片' uploads={uploads} error={errors.photos} />
      <LocationPicker value={location} onChange={edit('location', setPlaced)} onRelocate={() => { setPlaced(null); device.relocate() }}
        locating={!placed && device.locating} failed={!placed && device.failed} error={errors.location} />
      <CategoryPicker catalogue={catalogue} value={category} onChange={edit('category', setCategory)} error={errors.category} />
      <TextField name='description' idPrefix='report' label='问题描述' value={description} onChange={edit('description', setDescription)}
        min={DESCRIPTION_MIN} max={DESCRIPTION_MAX} placeholder='写清是什么问题、在哪里，例如：3栋2单元楼道堆满纸箱' error={errors.description} />
      <View className='gl-field'>
        <Text className='gl-label'>详细地址（选填）</Text>
        <Input id='report-address' className={errors.address ? 'gl-input gl-invalid' : 'gl-input'} value={address} maxlength={100} placeholder='如 幸福里小区3栋2单元'
          onInput={(e) => edit('address', setAddress)(e.detail.value)} />
        <FieldError name='address' message={errors.address} />
      </View>
      {mayBehalf && (
        <OnBehalfFields idPrefix='report' words='代居民反映' on={behalfOn} onToggle={onlyOnBehalf(user?.role) ? undefined : (on) => { setBehalfOn(on); clear(ON_BEHALF_FIELDS.name); clear(ON_BEHALF_FIELDS.phone) }}
          value={behalf} onChange={(v, field) => { setBehalf(v); clear(field) }} errors={errors} />
      )}
      {location && (
        <NearbyReports items={nearby} at={location} canJoin={!behalfOn && (!user || isReporterRole(user.role))} onJoined={joined} />
      )}
      {formError && <View id='report-form-error' className='form-error' ariaRole='alert'>{formError}</View>}
      <Button id='report-submit' className='gl-submit' type='primary' block size='large' loading={submitting} onClick={submit}>
        {submitting ? '正在提交…' : '提交'}
      </Button>
    </View>
  )
}
