import { View } from '@tarojs/components'

/** A field's message under the field, with a stable id (`field-error-<name>`) for tests. */
export default function FieldError({ name, message }: { name: string; message?: string }) {
  if (!message) return null
  return (
    <View id={`field-error-${name}`} className='field-error' ariaRole='alert'>
      {message}
    </View>
  )
}
