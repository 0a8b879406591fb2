import type { ApiResponse } from '../../../shared/schemas/envelope'
import { httpTransport } from './http'

// One small seam between the typed client and the wire: HTTP to the local host today,
// wx.cloud.callFunction / wx.cloud.uploadFile on weapp later (DESIGN.md, "Two ways it runs").

export interface Envelope { action: string; payload: unknown; requestId?: string }

export interface UploadHandle {
  /** resolves with the stored file's id */
  promise: Promise<string>
  abort(): void
}

export interface Transport {
  /** Resolves with the function's envelope; rejects only when the answer never arrived. */
  call(fn: string, body: Envelope): Promise<ApiResponse<unknown>>
  upload(filePath: string, onProgress: (percent: number) => void): UploadHandle
  /** Where a stored photo can be shown from. */
  fileUrl(fileId: string): string
}

let current: Transport = httpTransport

export const getTransport = () => current
/** Tests and the future wx.cloud build install their own transport here. */
export const setTransport = (transport: Transport) => { current = transport }
