import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import { useState } from 'react'
import type { DeclarationView } from '../../../shared/api'
import { CONFIRM_COLOUR } from '../../../shared/declarations/tones'
import { MAX_PERSONS, STANDING_NAMES, STANDINGS, type Standing } from '../../../shared/declarations/words'
import { shanghaiToday } from '../../../shared/identity/calendarDate'
import { amendDeclarationSchema, declareResidenceSchema } from '../../../shared/schemas/declaration'
import { call, toApiError } from '../api/client'
import FieldError from '../components/FieldError'
import OnBehalfFields from '../components/OnBehalfFields'
import { checkOnBehalf, emptyOnBehalf, ON_BEHALF_FIELDS, onBehalfErrors, onBehalfPayload, type OnBehalfFill } from '../lib/onBehalf'
import { useFieldErrors } from '../lib/fieldErrors'
import { newRequestId } from '../lib/requestId'
import { formatTime } from '../lib/time'
import AddressPicker from './AddressPicker'
import Choices from './Choices'
import ConsentBox from './ConsentBox'
import { afterFailure, attemptFor, clearDraft, fingerprint, useDraftSaving, type DraftRequest } from '../lib/drafts'
import type { DeclareDraft } from './drafts'
import { checkForm, formFields, personField } from './fieldPaths'
import { amendPayload, declarePayload, emptyPerson, isBlank, withStanding, type DeclareFill, type PersonFill } from './fill'
import PersonCard from './PersonCard'
import { routes } from '../lib/routes'
import { requestGrants } from '../lib/grants'

interface Props {
  /** absent: a new declaration; given: the declaration this answers (amendDeclaration, with its version) */
  amending?: DeclarationView
  /** what the form opens with: a restored draft (savedAt set) or a fresh fill */
  start: Omit<DeclareDraft, 'savedAt'> & { savedAt?: number }
  /** the fill 清空 goes back to (a prefilled room stays) */
  blank: () => DeclareFill
  draftKey: string
  /** 代申报 offered (a volunteer or a grid's staff, new declarations only); `only`: always on (grid staff declare nothing of their own) */
  onBehalf?: { only: boolean }
  onSent: (declaration: DeclarationView, filedOnBehalf: boolean) => void
}

/** The fill with 代申报's resident while the switch is on: the draft keeps it with the rest. */
type Fill = DeclareFill & { onBehalf?: OnBehalfFill }

const FIX_FIRST = '请按红字提示修改后再提交'
const NETWORK = '网络不通，填写的内容都还在本机，请再点“提交”（不会重复提交）'

/** The declaration form: address, standing, people, consent; checked with the server's own schema. */
export default function DeclareForm({ amending, start, blank, draftKey, onBehalf, onSent }: Props) {
  const behalfOffered = !!onBehalf && !amending
  const withBehalf = (f: Fill): Fill => (behalfOffered && onBehalf?.only && !f.onBehalf ? { ...f, onBehalf: emptyOnBehalf() } : f)
  const [fill, setFill] = useState<Fill>(() => withBehalf(start.fill))
  const behalf = behalfOffered ? fill.onBehalf : undefined
  const [request, setRequest] = useState<DraftRequest>({ requestId: start.requestId, unanswered: start.unanswered })
  const [restoredAt, setRestoredAt] = useState(start.savedAt)
  const [agreed, setAgreed] = useState(false)
  const [sent, setSent] = useState(false)
  const { errors, setErrors, clear } = useFieldErrors()
  // the form's own message; one that only points at the red field messages goes with the last of them
  const [formError, setFormError] = useState<{ text: string; withFields: boolean }>({ text: '', withFields: false })
  const fail = (text: string, withFields = false) => setFormError({ text, withFields })
  const [conflict, setConflict] = useState('')
  const [sending, setSending] = useState(false)
  const blankFill = isBlank(fill) && !fill.onBehalf?.name.trim() && !fill.onBehalf?.phone.trim()
  const draft = useDraftSaving(draftKey, { fill, ...request }, !blankFill && !sent)
  const today = shanghaiToday()
  const shownError = formError.withFields && !Object.values(errors).some(Boolean) ? '' : formError.text

  const change = (next: Fill, ...answered: string[]) => {
    setFill(next)
    answered.forEach(clear)
    setConflict('')
  }
  const setPerson = (i: number, patch: Partial<PersonFill>, fields: string[]) =>
    change({ ...fill, persons: fill.persons.map((p, j) => (j === i ? { ...p, ...patch } : p)) }, ...fields)
  // the cards after a removed one move up: their messages would point at the wrong person
  const dropPersonErrors = () =>
    setErrors((e) => {
      const kept: Record<string, string> = {}
      for (const [k, m] of Object.entries(e)) if (!k.startsWith('persons')) kept[k] = m
      return kept
    })

  const startOver = async () => {
    const { confirm } = await Taro.showModal({
      title: '清空重填', content: '填写的内容（包括本机草稿）将全部删除，确定清空吗？', confirmText: '全部清空', cancelText: '保留内容', confirmColor: CONFIRM_COLOUR,
    })
    if (!confirm) return
    draft.cancel()
    clearDraft(draftKey)
    setFill(withBehalf(blank()))
    setRequest({ requestId: newRequestId() })
    setRestoredAt(undefined)
    setErrors({})
    fail('')
    setConflict('')
  }

  const submit = async () => {
    if (sending || !agreed) return
    // the stored forms the schema made (normalised numbers) are what is sent
    let send: (() => Promise<DeclarationView>) | undefined
    let fields: Record<string, string> = {}
    let attempt = request
    if (amending) {
      const c = checkForm(amendDeclarationSchema, amendPayload(fill, amending))
      if (c.ok) send = () => call('resident', 'amendDeclaration', c.value)
      else fields = c.fields
    } else {
      const c = checkForm(declareResidenceSchema, declarePayload(fill))
      const behalfFields = behalf ? checkOnBehalf(behalf) : {}
      if (c.ok && Object.keys(behalfFields).length === 0) {
        const filed = behalf ? { ...c.value, onBehalf: onBehalfPayload(behalf) } : undefined
        // content changed after a send that got no answer goes under a new id: a first copy that
        // did arrive then answers CONFLICT rather than silently standing in for the change
        attempt = attemptFor(request, fingerprint(filed ?? c.value))
        const requestId = attempt.requestId
        send = filed ? () => call('resident', 'declareOnBehalf', filed, { requestId }) : () => call('resident', 'declareResidence', c.value, { requestId })
      } else fields = { ...(c.ok ? {} : c.fields), ...behalfFields }
    }
    setErrors(fields)
    setConflict('')
    if (!send) return fail(FIX_FIRST, true)
    // the tap itself may ask for the grants of the outcome messages (核验 / 未通过 / 需补充)
    requestGrants('declare')
    fail('')
    setSending(true)
    try {
      const done = await send()
      setSent(true)
      draft.cancel()
      clearDraft(draftKey)
      onSent(done, !!behalf)
    } catch (e) {
      const err = toApiError(e)
      setRequest(afterFailure(attempt, !err.network))
      // the resident's name and phone keep a message each (formFields would fold them into one "onBehalf")
      const { onBehalf: _folded, ...fields } = { ...formFields(err.fields), ...onBehalfErrors(err.fields) }
      setErrors(fields)
      if (err.code === 'CONFLICT') setConflict(err.message)
      else fail(err.network ? NETWORK : err.message, Object.keys(fields).length > 0)
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='declare-form' id='declare-form'>
      {restoredAt !== undefined && (
        <View id='declare-draft' className='gl-notice declare-draft'>
          <Text className='declare-draft-title'>继续上次未提交的申报</Text>
          <Text>{`已恢复 ${formatTime(restoredAt)} 保存在本机的填写内容。`}</Text>
        </View>
      )}
      <View className='declare-draft-row'>
        <Text id='declare-draft-note' className='gl-muted'>填写内容会自动保存为草稿，草稿仅保存在本机，提交成功后自动删除。</Text>
        {!blankFill && <Text id='declare-draft-clear' className='gl-mini-btn' onClick={startOver}>清空</Text>}
      </View>

      {behalfOffered && (
        <OnBehalfFields idPrefix='declare' words='代居民申报' on={!!behalf} value={behalf ?? emptyOnBehalf()} errors={errors}
          onToggle={onBehalf?.only ? undefined : (on) => change({ ...fill, onBehalf: on ? (fill.onBehalf ?? emptyOnBehalf()) : undefined }, ON_BEHALF_FIELDS.name, ON_BEHALF_FIELDS.phone)}
          onChange={(v, field) => change({ ...fill, onBehalf: v }, field)} />
      )}

      <Text className='declare-step'>第1步 · 住址</Text>
      <AddressPicker value={fill.address} locked={!!amending} error={errors.roomId} onChange={(address) => change({ ...fill, address }, 'roomId')} />

      <Text className='declare-step'>第2步 · 您与该房屋的关系</Text>
      {/* the step's title is the question: the choices do not repeat it (screen readers still hear it) */}
      <Choices idPrefix='declare-standing' name='standing' label='您与该房屋的关系' labelHidden options={STANDINGS} names={STANDING_NAMES} value={fill.standing}
        hint='房东为租户申报时，请只填写租住的人，不填自己。' error={errors.standing}
        onChange={(s: Standing) => change(withStanding(fill, s), 'standing', personField(0, 'relation'))} />

      <Text className='declare-step'>{`第3步 · 居住人（${fill.persons.length}人）`}</Text>
      {amending && <Text id='declare-retype' className='gl-notice'>为保护隐私，已提交的证件号码和电话只显示遮挡后的号码，请为每位居住人重新填写完整的证件号码和电话。</Text>}
      {fill.persons.map((p, i) => (
        <PersonCard key={p.key} index={i} person={p} today={today} errors={errors} onChange={(patch, fields) => setPerson(i, patch, fields)}
          onRemove={fill.persons.length > 1 ? () => { dropPersonErrors(); change({ ...fill, persons: fill.persons.filter((_, j) => j !== i) }) } : undefined} />
      ))}
      <FieldError name='persons' message={errors.persons} />
      {fill.persons.length < MAX_PERSONS ? (
        <Text id='declare-add-person' className='gl-mini-btn declare-add' onClick={() => change({ ...fill, persons: [...fill.persons, emptyPerson()] }, 'persons')}>＋ 再添加一位居住人</Text>
      ) : (
        <Text className='gl-muted'>{`一次最多申报${MAX_PERSONS}人，人数更多请提交后再申报一次。`}</Text>
      )}

      <Text className='declare-step'>第4步 · 阅读并同意告知书</Text>
      <ConsentBox idPrefix='declare' agreed={agreed} error={errors.consentVersion} onChange={(on) => { setAgreed(on); clear('consentVersion') }} />

      {conflict && (
        <View id='declare-conflict' className='form-error declare-conflict' ariaRole='alert'>
          <Text className='declare-conflict-title'>无法提交</Text>
          <Text>{conflict}</Text>
          <Text id='declare-conflict-household' className='gl-link' onClick={() => Taro.navigateTo({ url: routes.household() })}>查看我的居住登记</Text>
        </View>
      )}
      {shownError && <View id='declare-form-error' className='form-error' ariaRole='alert'>{shownError}</View>}
      <Button id='declare-submit' className='gl-submit' type='primary' block size='large' disabled={!agreed} loading={sending} onClick={submit}>
        {sending ? '正在提交…' : amending ? '提交补充信息' : '提交居住登记'}
      </Button>
      {!agreed && <Text id='declare-submit-hint' className='gl-muted declare-submit-hint'>请先阅读告知书，并勾选“我已阅读并同意”，再提交。</Text>}
    </View>
  )
}
