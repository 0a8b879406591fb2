// H5 is served by the local host: HTTP to its own origin and the dev login, always.
// (backend.weapp.ts decides for the mini-program.)
export { localBackend as backend } from './http'
