import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { useCallback, useState } from 'react'
import { ROUTING_OUTCOME_TABLE } from '../../../../shared/routing/outcome'
import { call, toApiError } from '../../api/client'
import LoadState from '../../components/LoadState'
import PageShell from '../../components/PageShell'
import PhotoGrid from '../../components/PhotoGrid'
import ResultCard from '../../components/ResultCard'
import TaskTags from '../../components/TaskTags'
import Timeline from '../../components/Timeline'
import LocationView from '../../components/location/LocationView'
import { prefetchGrantTemplates, requestGrants } from '../../lib/grants'
import { dueWords, formatTime } from '../../lib/time'
import { useRemote } from '../../lib/useRemote'
import ResolveForm from './ResolveForm'

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

  const accept = async () => {
    if (!t || accepting) return
    // before the first await: WeChat shows the dialog only inside the tap
    requestGrants('accept')
    setAccepting(true)
    try {
      setData(await call('worker', 'acceptTask', { taskId: t.taskId, version: t.version }))
      setNotice('已签收，请尽快到现场处理')
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
          <View className='gl-card'>
            <TaskTags status={t.status} level={t.level} overdue={t.overdue} />
            <Text className='gl-title'>{t.categoryName}</Text>
            <Text className='detail-description'>{t.description}</Text>
            <PhotoGrid ids={t.photos} />
            <LocationView value={t.location} address={t.address} />
            <Text className='gl-muted'>{`定位：${ROUTING_OUTCOME_TABLE[t.routing.outcome].name}${t.nearBorder ? '，如不属本网格可转派相邻网格' : ''}`}</Text>
            <Text className='gl-muted'>{`上报人：${t.reporter.name} ${t.reporter.phoneMasked} · ${formatTime(t.createdAt)}`}</Text>
            {t.dueAt !== null && <Text id='task-due' className={t.overdue ? 'due-late' : ''}>{`期限：${dueWords(t.dueAt)}${t.dueNote ? `（${t.dueNote}）` : ''}`}</Text>}
          </View>
          {t.canAccept && (
            <Button id='task-accept' type='primary' block size='large' loading={accepting} onClick={accept}>签收</Button>
          )}
          {t.canResolve && <ResolveForm task={t} onDone={(d) => { setData(d); setNotice('已办结，居民会收到回复') }} onConflict={onConflict} />}
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
