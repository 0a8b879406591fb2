import React from 'react'

// Host-element stand-ins for @tarojs/components in jsdom. They keep Taro's event shapes
// (`{ detail: { value } }` on input, `onClick` as tap) so components behave as on a phone.
type Props = Record<string, any> & { children?: React.ReactNode }

const TARO_ONLY = ['hoverClass', 'hoverStyle', 'hoverStayTime', 'scrollY', 'scrollX', 'mode', 'lazyLoad', 'showMenuByLongpress',
  'placeholderClass', 'placeholderStyle', 'confirmType', 'adjustPosition', 'autoHeight', 'showConfirmBar', 'cursorSpacing', 'catchMove',
  'formType', 'openType', 'nativeProps', 'onScrollToLower', 'onScrollToUpper', 'enableFlex', 'scrollWithAnimation', 'userSelect',
  'selectable', 'decode', 'space', 'maxlength', 'onConfirm', 'onLineChange', 'onKeyboardHeightChange', 'holdKeyboard', 'focus',
  'autoFocus', 'password', 'showCount', 'autoSize', 'onTouchStart', 'onTouchMove', 'onTouchEnd', 'onTouchCancel', 'onLongPress', 'onLongClick', 'lang']

// Taro's accessibility props become the attributes a browser knows
const RENAMED: Record<string, string> = { ariaRole: 'role', ariaLabel: 'aria-label' }

function hostProps(props: Props) {
  const out: Props = {}
  for (const [k, v] of Object.entries(props)) if (!TARO_ONLY.includes(k)) out[RENAMED[k] ?? k] = v
  return out
}

const host = (tag: string, name: string) => {
  const C = React.forwardRef<any, Props>((props, ref) => React.createElement(tag, { ...hostProps(props), ref }))
  C.displayName = name
  return C
}

export const View = host('div', 'View')
export const Text = host('span', 'Text')
export const ScrollView = host('div', 'ScrollView')
export const Label = host('label', 'Label')
export const Form = host('form', 'Form')
export const Block = ({ children }: Props) => <>{children}</>

export const Button = React.forwardRef<any, Props>((props, ref) => <button type="button" {...hostProps(props)} ref={ref} />)
Button.displayName = 'Button'

export const Image = React.forwardRef<any, Props>(({ onLoad, onError, ...rest }, ref) => (
  <img {...hostProps(rest)} ref={ref} onLoad={onLoad} onError={onError} alt={rest.ariaLabel ?? ''} />
))
Image.displayName = 'Image'

// Taro fires onInput with `{ detail: { value } }`; React's onChange is how jsdom reports typing.
function field(tag: 'input' | 'textarea', name: string) {
  const C = React.forwardRef<any, Props>(({ onInput, onChange, onFocus, onBlur, maxlength, maxLength, value, ...rest }, ref) => {
    const max = maxlength ?? maxLength
    return React.createElement(tag, {
      ...hostProps(rest),
      ref,
      value: value ?? '',
      maxLength: max !== undefined && max >= 0 ? max : undefined,
      onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
        const event = { detail: { value: e.target.value }, target: e.target, currentTarget: e.target }
        onInput?.(event)
        onChange?.(event)
      },
      onFocus: (e: any) => onFocus?.({ ...e, detail: { value: e.target.value } }),
      onBlur: (e: any) => onBlur?.({ ...e, detail: { value: e.target.value } }),
    })
  })
  C.displayName = name
  return C
}
export const Input = field('input', 'Input')
export const Textarea = field('textarea', 'Textarea')

export const Map = React.forwardRef<any, Props>(({ latitude, longitude, markers, onTap, ...rest }, ref) => (
  <div {...hostProps(rest)} ref={ref} data-lat={latitude} data-lng={longitude} data-markers={JSON.stringify(markers ?? [])}
    onClick={() => onTap?.({ detail: { latitude, longitude } })} />
))
Map.displayName = 'Map'
