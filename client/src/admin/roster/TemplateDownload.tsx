import { ROSTER_EXAMPLE } from './rosterFormat'

// H5: the example as a file the browser saves, with a byte order mark so Excel opens its
// Chinese as UTF-8 (the weapp copies it instead: TemplateDownload.weapp.tsx).
const href = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${ROSTER_EXAMPLE}\n`)}`

export default function TemplateDownload() {
  return (
    <a id='roster-template' className='gl-mini-btn admin-template-btn' href={href} download='人员名单模板.csv'>下载模板文件（CSV）</a>
  )
}
