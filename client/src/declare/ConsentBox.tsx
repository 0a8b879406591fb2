import { Text, View } from '@tarojs/components'
import { CONSENT } from '../../../shared/declarations/consent'
import FieldError from '../components/FieldError'

interface Props {
  idPrefix: string
  agreed: boolean
  onChange: (agreed: boolean) => void
  error?: string
}

/**
 * The consent text whole, its version shown, and an explicit "我已阅读并同意" the person taps
 * themself: never ticked in advance, never kept in a draft (consent is given when sending).
 * A View, not WeChat's checkbox: that component would add its template to the main package.
 */
export default function ConsentBox({ idPrefix, agreed, onChange, error }: Props) {
  return (
    <View className='gl-card declare-consent' id={`${idPrefix}-consent`}>
      <Text className='gl-title'>{CONSENT.title}</Text>
      <Text className='gl-muted' id={`${idPrefix}-consent-version`}>{`版本：${CONSENT.version}`}</Text>
      {CONSENT.paragraphs.map((p) => (
        <View key={p.heading} className='declare-consent-part'>
          <Text className='declare-consent-heading'>{p.heading}</Text>
          <Text className='declare-consent-body'>{p.body}</Text>
        </View>
      ))}
      <View id={`${idPrefix}-agree`} className={agreed ? 'declare-agree declare-agree-on' : 'declare-agree'} ariaRole='checkbox'
        ariaLabel={agreed ? '我已阅读并同意（已勾选）' : '我已阅读并同意（未勾选）'} aria-checked={agreed} onClick={() => onChange(!agreed)}>
        <Text className='declare-agree-box'>{agreed ? '☑' : '☐'}</Text>
        <Text>{agreed ? '我已阅读并同意（已勾选）' : '我已阅读并同意（点此勾选）'}</Text>
      </View>
      <FieldError name='consentVersion' message={error} />
    </View>
  )
}
