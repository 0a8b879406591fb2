// H5: an import's example as a file the browser saves, with a byte order mark so Excel opens
// its Chinese as UTF-8 (the weapp copies it instead: TemplateDownload.weapp.tsx).
export interface TemplateDownloadProps { id: string; example: string; fileName: string }

export default function TemplateDownload({ id, example, fileName }: TemplateDownloadProps) {
  const href = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${example}\n`)}`
  return (
    <a id={id} className='gl-mini-btn admin-template-btn' href={href} download={fileName}>下载模板文件（CSV）</a>
  )
}
