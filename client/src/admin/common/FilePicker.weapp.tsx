import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { FilePickerProps } from './FilePicker'
import { MAX_PICK_BYTES, NOT_UTF8, sizeWords, stripBom, TOO_BIG } from './pickedFile'

// A mini-program cannot open the phone's files: it picks a file sent to a WeChat chat
// (文件传输助手 from the desktop, or a colleague's message) and reads it from its temp path.

const cancelled = (e: unknown) => /cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? e))

function readUtf8(filePath: string) {
  return new Promise<string>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({ filePath, encoding: 'utf8', success: (r) => resolve(String(r.data)), fail: reject })
  })
}

export default function FilePicker({ id, label, extensions, picked, onPick, onError }: FilePickerProps) {
  const [reading, setReading] = useState(false)

  const choose = async () => {
    let file: { name: string; path: string; size: number }
    try {
      const r = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions })
      file = r.tempFiles[0]
    } catch (e) {
      if (!cancelled(e)) onError('没有选到文件，请从聊天记录中选择')
      return
    }
    if (!file) return
    if (file.size > MAX_PICK_BYTES) return onError(TOO_BIG)
    setReading(true)
    try {
      const text = stripBom(await readUtf8(file.path))
      // the weapp has no GBK decoder: a GBK file read as UTF-8 turns into replacement characters
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
      <Text id={id} className='gl-mini-btn admin-file-btn' onClick={choose}>
        {reading ? '正在读取文件…' : picked ? `已选择：${picked.name}（${sizeWords(picked.size)}）· 点此更换` : `${label}（从微信聊天中选择）`}
      </Text>
    </View>
  )
}
