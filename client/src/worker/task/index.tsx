import './task.css'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { useCallback, useState } from 'react'
import type { TaskDetail } from '../../../../shared/api'
import { call, toApiError } from '../../api/client'
import LoadState from '../../components/LoadState'
import PageShell from '../../components/PageShell'
import ResultCard from '../../components/ResultCard'
import Timeline from '../../components/Timeline'
import { prefetchGrantTemplates, requestGrants } from '../../lib/grants'
import { useRemote } from '../../lib/useRemote'
import MovesPanel from './MovesPanel'
import ResolveForm from './ResolveForm'
import TaskBanners from './TaskBanners'
import TaskFacts from './TaskFacts'
import TaskPeople from './TaskPeople'

/** One task, for its grid's staff and for the dispatchers of its area: what it is, and the moves the server offers this person now. */
export default function TaskPage() {
  const { params } = useRouter()
  const taskId = params.id ?? ''
  const { data: t, setData, loading, error, reload } = useRemote(useCallback(() => call('worker', 'getTask', { taskId }), [taskId]))
  const [accepting, setAccepting] = useState(false)
  const [notice, setNotice] = useState('')
  useLoad(() => {
    prefetchGrantTemplates()
    reload()
  })

  // someone else acted first: say so and show what the task looks like now
  const onConflict = (message: string) => {
    setNotice(message)
    reload()
  }
  const onMoved = (next: TaskDetail, words: string) => {
    setData(next)
    setNotice(words)
  }

  const accept = async () => {
    if (!t || accepting) return
    // before the first await: WeChat shows the dialog only inside the tap
    requestGrants('accept')
    setAccepting(true)
    try {
      onMoved(await call('worker', 'acceptTask', { taskId: t.taskId, version: t.version }), '已签收，请尽快到现场处理')
    } catch (e) {
      const err = toApiError(e)
      if (err.code === 'CONFLICT') onConflict(err.message)
      else Taro.showToast({ title: err.message, icon: 'none' })
    } finally {
      setAccepting(false)
    }
  }

  return (
    <PageShell id='page-task'>
      <LoadState loading={loading && !t} error={t ? undefined : error} onRetry={reload} />
      {notice && <Text id='task-notice' className='gl-notice'>{notice}</Text>}
      {t && (
        <View>
          <TaskFacts t={t} />
          <TaskBanners t={t} />
          <TaskPeople t={t} />
          {t.moves.accept && (
            <Button id='task-accept' type='primary' block size='large' loading={accepting} onClick={accept}>签收</Button>
          )}
          {t.moves.resolve && <ResolveForm task={t} onDone={(d) => onMoved(d, '已办结，居民会收到回复')} onConflict={onConflict} />}
          {/* keyed by version: a form left open on an older version starts again on the new one */}
          <MovesPanel key={t.version} task={t} onDone={onMoved} onConflict={onConflict} />
          {t.result && <ResultCard id='task-result' result={t.result} />}
          <View className='gl-card'>
            <Text className='gl-title'>办理过程</Text>
            <Timeline events={t.timeline} />
          </View>
        </View>
      )}
    </PageShell>
  )
}
