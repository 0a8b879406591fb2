import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { decodeText, MAX_PICK_BYTES, NOT_UTF8, sizeWords, stripBom, TOO_BIG, type PickedFile } from './pickedFile'

// H5 (the default for un-suffixed files, as in components/location): the browser's own file
// dialog through a hidden <input type=file>; the weapp picks from a chat (FilePicker.weapp.tsx).

export interface FilePickerProps {
  id: string
  /** what the button asks for, e.g. "选择 GeoJSON 文件" */
  label: string
  /** file name endings without the dot */
  extensions: string[]
  picked: PickedFile | null
  onPick: (file: PickedFile) => void
  onError: (message: string) => void
}

function read<T>(file: Blob, how: 'bytes' | 'text') {
  return new Promise<T>((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as T)
    reader.onerror = () => reject(reader.error)
    if (how === 'bytes') reader.readAsArrayBuffer(file)
    else reader.readAsText(file, 'utf-8')
  })
}

/** Old WebViews have no TextDecoder: they read the file as UTF-8 and cannot try GBK. */
const readText = async (file: Blob) =>
  typeof TextDecoder === 'undefined' ? stripBom(await read<string>(file, 'text')) : decodeText(await read<ArrayBuffer>(file, 'bytes'))

export default function FilePicker({ id, label, extensions, picked, onPick, onError }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null)
  const [reading, setReading] = useState(false)

  const onChange = async (e: { target: HTMLInputElement }) => {
    const file = e.target.files?.[0]
    // the same file picked again after an edit on disk must fire change again
    e.target.value = ''
    if (!file) return
    if (file.size > MAX_PICK_BYTES) return onError(TOO_BIG)
    setReading(true)
    try {
      const text = await readText(file)
      if (text.includes('\uFFFD')) onError(NOT_UTF8)
      else onPick({ name: file.name, size: file.size, text })
    } catch {
      onError('文件读取失败，请重新选择')
    } finally {
      setReading(false)
    }
  }

  return (
    <View className='admin-file'>
      <input id={`${id}-input`} ref={input} className='admin-file-input' type='file' accept={extensions.map((x) => `.${x}`).join(',')} onChange={onChange} />
      <Text id={id} className='gl-mini-btn admin-file-btn' onClick={() => input.current?.click()}>
        {reading ? '正在读取文件…' : picked ? `已选择：${picked.name}（${sizeWords(picked.size)}）· 点此更换` : label}
      </Text>
    </View>
  )
}
