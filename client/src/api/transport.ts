import type { ApiResponse } from '../../../shared/schemas/envelope'
import { backend } from './backend'

// One small seam between the typed client and the wire (DESIGN.md, "Two ways it runs"):
// HTTP to the local host (H5, and a weapp built without a CloudBase env) or
// wx.cloud.callFunction / wx.cloud.uploadFile (a weapp built with one). backend.ts and its
// backend.weapp.ts variant pick which.

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

/** The wire together with who the caller is on it. */
export interface Backend {
  transport: Transport
  /** 'dev': a token from the local host's dev login; 'wechat': the WeChat account, nothing to sign in to. */
  identity: 'dev' | 'wechat'
  signedIn(): boolean
  /** Runs once as the app starts, before any page. */
  launch(): void
}

let current: Transport = backend.transport

export const getTransport = () => current
/** Tests install their own transport here. */
export const setTransport = (transport: Transport) => { current = transport }
