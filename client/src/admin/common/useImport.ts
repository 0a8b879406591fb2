import { useState } from 'react'
import { toApiError } from '../../api/client'
import type { PickedFile } from './pickedFile'

// The two-step import both admin import pages share: a dry run of the picked file with the
// chosen options, then the import of exactly that file and those options. Changing either
// makes the dry run stale, so "确认导入" waits for a new one.

interface ImportAnswer { applied: boolean; problems: unknown[] }

export type ImportRun<O, R> = (text: string, options: O, apply: boolean) => Promise<R>

export function useImport<O, R extends ImportAnswer>(run: ImportRun<O, R>, options: O) {
  const [file, setFileState] = useState<PickedFile | null>(null)
  const [preview, setPreview] = useState<{ result: R; text: string; options: string } | null>(null)
  const [applied, setApplied] = useState<R | null>(null)
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null)
  const [error, setError] = useState('')

  const optionsKey = JSON.stringify(options)
  const current = !!preview && !!file && preview.text === file.text && preview.options === optionsKey
  const canApply = current && preview!.result.problems.length === 0 && !applied && busy === null

  const send = async (apply: boolean) => {
    if (!file || busy) return
    setBusy(apply ? 'apply' : 'preview')
    setError('')
    try {
      const result = await run(file.text, options, apply)
      setPreview({ result, text: file.text, options: optionsKey })
      if (result.applied) setApplied(result)
    } catch (e) {
      setError(toApiError(e).message)
    } finally {
      setBusy(null)
    }
  }

  return {
    file,
    setFile: (f: PickedFile) => { setFileState(f); setApplied(null); setError('') },
    setError,
    /** the latest dry run (or import) answer, and whether it is of the file and options now chosen */
    result: preview?.result ?? null,
    current,
    applied,
    busy,
    error,
    canApply,
    runPreview: () => send(false),
    runApply: () => (canApply ? send(true) : Promise.resolve()),
  }
}
