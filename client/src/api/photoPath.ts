// Where a photo goes in cloud storage: `photos/<userId>/<32 lowercase hex>.<jpg|png|webp>`, the
// one shape the functions accept (cloudfunctions/adapters/cloudbase/uploads.ts): the folder
// names the owner, the random name keeps one person's photos apart.

const EXTENSIONS: Record<string, 'jpg' | 'png' | 'webp'> = { jpg: 'jpg', jpeg: 'jpg', png: 'png', webp: 'webp' }

export const UNSUPPORTED_PHOTO = '只能上传 jpg、png、webp 格式的照片'

/** The storage extension for a local photo path, or null for a format the functions refuse. */
export function photoExtension(filePath: string): 'jpg' | 'png' | 'webp' | null {
  const m = /\.([a-z0-9]+)$/i.exec(filePath.split(/[?#]/)[0])
  return m ? EXTENSIONS[m[1].toLowerCase()] ?? null : null
}

// Math.random is enough: the name only has to be unique within the person's own folder (storage
// rules let no one else write there). `(2^32 + n).toString(16).slice(1)` pads to 8 digits
// without String#padStart, which older WeChat engines lack.
function hex32(): string {
  let hex = ''
  for (let i = 0; i < 4; i++) hex += (0x100000000 + Math.floor(Math.random() * 0x100000000)).toString(16).slice(1)
  return hex
}

export const photoCloudPath = (userId: string, ext: 'jpg' | 'png' | 'webp') => `photos/${userId}/${hex32()}.${ext}`
