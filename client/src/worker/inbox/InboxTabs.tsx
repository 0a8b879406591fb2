import { View } from '@tarojs/components'

export type InboxTab = 'tasks' | 'verify'

interface Props { tab: InboxTab; onChange: (t: InboxTab) => void; tasks: string; verifications: string }

/** "事件（n） | 居住登记核查（m）", with the full-width brackets of the app's other counts: two large tabs, the chosen one said in words for screen readers too. */
export default function InboxTabs({ tab, onChange, tasks, verifications }: Props) {
  const one = (id: InboxTab, words: string) => (
    <View id={`inbox-tab-${id}`} className={tab === id ? 'gl-mini-btn inbox-tab inbox-tab-on' : 'gl-mini-btn inbox-tab'} ariaRole='tab'
      ariaLabel={`${words}${tab === id ? '，当前显示' : ''}`} onClick={() => onChange(id)}>
      {words}
    </View>
  )
  return (
    <View className='inbox-tabs' ariaRole='tablist'>
      {one('tasks', `事件（${tasks}）`)}
      {one('verify', `居住登记核查（${verifications}）`)}
    </View>
  )
}
