import { useCallback, useState } from 'react'
import { errorMessage } from '../api/client'

/** One remote read with loading and error words, and a way to run it again. */
export function useRemote<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState('')

  const reload = useCallback(async () => {
    setLoading(true)
    setError('')
    try {
      setData(await load())
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setLoading(false)
    }
  }, [load])

  return { data, setData, loading, error, reload }
}
