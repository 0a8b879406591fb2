import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { useCallback, useEffect, useState } from 'react'
import type { TaskDetail } from '../../../../shared/api'
import { call, errorMessage } from '../../api/client'
import { useFormSend } from '../../lib/fieldErrors'
import { routes } from '../../lib/routes'
import AssignPicker, { type AssignChoice, type ConsoleGrid } from '../../admin/console/AssignPicker'
import type { MoveOutcome } from './MoveForm'
import { prepareMove } from './prepareMove'

export const PICK_GRID = '请选择要派给的网格'

/** The grids a dispatcher may assign to: those of the console's area (the task's community when it waits in one). */
function useGrids(task: TaskDetail) {
  const [grids, setGrids] = useState<ConsoleGrid[] | null>(null)
  const [error, setError] = useState('')
  const communityId = task.queue.scope === 'community' ? task.queue.id : undefined
  const load = useCallback(async () => {
    setError('')
    try {
      const page = await call('admin', 'listConsole', { view: 'queue', limit: 1, ...(communityId ? { communityId } : {}) })
      setGrids(page.grids)
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [communityId])
  useEffect(() => { load() }, [load])
  return { grids, error, reload: load }
}

/** 派单 from the task page: a grid of the dispatcher's area and, if they like, one of its staff. */
export default function AssignForm({ task, onDone, onConflict, onCancel }: { task: TaskDetail } & MoveOutcome) {
  const { grids, error, reload } = useGrids(task)
  const [choice, setChoice] = useState<AssignChoice>({ gridId: '' })
  const { errors, setErrors, formError, sending, send } = useFormSend()

  const submit = async () => {
    if (sending) return
    const prepared = prepareMove(task, { type: 'assign', ...choice })
    if (!prepared.ok) {
      // the schema names the id; a person picking from a list is better told what to do
      setErrors({ ...prepared.fields, ...(choice.gridId ? {} : { gridId: PICK_GRID }) })
      return
    }
    const done = await send(prepared.send, (err) => { if (err.code === 'CONFLICT') onConflict(err.message) })
    if (done) onDone(done, `已派单给${done.holder || done.gridName || '所选网格'}`)
  }

  return (
    <View id='move-assign' className='gl-card move-form'>
      <Text className='gl-title'>派单</Text>
      {error && <Text id='move-assign-load-error' className='gl-link' onClick={reload}>{`网格列表加载失败：${error}（点此重试）`}</Text>}
      {!grids && !error && <Text className='gl-muted'>正在加载可派单的网格…</Text>}
      {grids?.length === 0 && (
        <Text id='move-assign-console' className='gl-link' onClick={() => Taro.navigateTo({ url: routes.adminConsole })}>
          这里没有可选的网格：请到分拨台按社区筛选后派单
        </Text>
      )}
      {grids && grids.length > 0 && (
        <AssignPicker idPrefix='move-assign' grids={grids} value={choice} errors={errors}
          onChange={(v) => { setChoice(v); setErrors({}) }} />
      )}
      {formError && <View id='move-assign-error' className='form-error' ariaRole='alert'>{formError}</View>}
      <View className='move-buttons'>
        <Button id='move-assign-submit' type='primary' size='large' loading={sending} onClick={submit}>确定派单</Button>
        <Button id='move-assign-cancel' size='large' onClick={() => { if (!sending) onCancel() }}>取消</Button>
      </View>
    </View>
  )
}
