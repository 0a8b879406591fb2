import './bind.css'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { useState } from 'react'
import { isGridStaffRole, isReporterRole } from '../../../../shared/roles'
import { bindStaffSchema } from '../../../../shared/schemas/binding'
import { call, toApiError } from '../../api/client'
import { getUser, saveUser } from '../../api/session'
import FieldError from '../../components/FieldError'
import PageShell from '../../components/PageShell'
import { byField, check, useFieldErrors } from '../../lib/fieldErrors'
import { routes } from '../../lib/routes'
import { boundWords, placeWords } from './boundWords'

// 我是工作人员: a grid worker, leader or dispatcher ties this WeChat account (the local
// identity on the local stack) to their roster record with the one-time code the office gave
// them in person. The code may be typed in any case, with spaces or dashes: the schema tidies it.

async function placeOf(me: Parameters<typeof placeWords>[0]) {
  try {
    return placeWords(me, await call('user', 'listCommunities', {}))
  } catch {
    // the binding is done; a missing place name only shortens the sentence
    return ''
  }
}

export default function BindStaffPage() {
  const user = getUser()
  const [code, setCode] = useState('')
  const { errors, setErrors, edit } = useFieldErrors()
  const [formError, setFormError] = useState('')
  const [sending, setSending] = useState(false)
  const [done, setDone] = useState<{ words: string; gridStaff: boolean } | null>(null)
  const alreadyStaff = !done && user && !isReporterRole(user.role)

  const submit = async () => {
    if (sending) return
    const checked = check(bindStaffSchema, { code })
    setErrors(checked.ok ? {} : checked.fields)
    if (!checked.ok) return
    setFormError('')
    setSending(true)
    try {
      const me = await call('user', 'bindStaff', checked.value)
      saveUser(me)
      setDone({ words: boundWords(me, await placeOf(me)), gridStaff: isGridStaffRole(me.role) })
    } catch (e) {
      const err = toApiError(e)
      setErrors(byField(err.fields))
      if (!err.fields.code) setFormError(err.message)
    } finally {
      setSending(false)
    }
  }

  return (
    <PageShell id='page-bind'>
      <View className='bind-wrap'>
        <Text className='gl-title'>我是工作人员</Text>
        {done ? (
          <View id='bind-done' className='gl-card bind-done'>
            <Text id='bind-done-words' className='bind-done-words'>{done.words}</Text>
            <Text className='gl-muted'>{done.gridStaff ? '以后用这个微信就能接收和处理本网格的任务。' : '以后用这个微信就能处理分拨任务，在首页进入管理后台。'}</Text>
            <Button id='bind-go-home' type='primary' block size='large' onClick={() => Taro.reLaunch({ url: routes.home })}>回到首页</Button>
          </View>
        ) : alreadyStaff ? (
          <View id='bind-already' className='gl-card'>
            <Text>{`您已是${user.roleName}（${user.name}），不需要再绑定。如需换绑，请联系社区或街道的管理员解除后重新生成绑定码。`}</Text>
          </View>
        ) : (
          <View className='gl-card'>
            <Text className='gl-muted'>网格员、网格长和分拨员：请输入社区或街道管理员当面交给您的 8 位绑定码，把这个微信绑定到您的工作身份。绑定码只能用一次。</Text>
            <View className='gl-field'>
              <Text className='gl-label'>绑定码</Text>
              <View id='bind-code' className={errors.code ? 'gl-input bind-input gl-invalid' : 'gl-input bind-input'}>
                <Input className='bind-code-field' value={code} maxlength={20} placeholder='例如 ABCD 2345' confirmType='done'
                  onInput={(e) => edit('code', setCode)(e.detail.value)} onConfirm={submit} />
              </View>
              <Text className='gl-muted'>大小写都可以，空格和横线会自动去掉。不含 0、O、1、I，以免看错。</Text>
              <FieldError name='code' message={errors.code} />
            </View>
            {formError && <View id='bind-error' className='form-error' ariaRole='alert'>{formError}</View>}
            <Button id='bind-submit' type='primary' block size='large' loading={sending} onClick={submit}>绑定</Button>
          </View>
        )}
      </View>
    </PageShell>
  )
}
