import { useCallback, useEffect, useState } from 'react'
import { locate } from '../../lib/locate'
import type { Point } from './types'

/** The device's position, asked once on open and again on request; the person may correct it. */
export function useDeviceLocation() {
  const [value, setValue] = useState<Point | null>(null)
  const [locating, setLocating] = useState(false)
  const [failed, setFailed] = useState(false)

  const relocate = useCallback(async () => {
    setLocating(true)
    try {
      setValue(await locate())
      setFailed(false)
    } catch {
      setFailed(true)
    } finally {
      setLocating(false)
    }
  }, [])

  useEffect(() => { relocate() }, [relocate])

  return { value, setValue, locating, failed, relocate }
}
