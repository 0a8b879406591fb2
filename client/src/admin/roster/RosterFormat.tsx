import FileFormat from '../common/FileFormat'
import { ROSTER_COLUMNS, ROSTER_EXAMPLE } from './rosterFormat'

/** The columns the roster needs, in order, with the first row spelled out to copy. */
export default function RosterFormat() {
  return (
    <FileFormat id='roster' columns={ROSTER_COLUMNS} example={ROSTER_EXAMPLE} fileName='人员名单模板.csv'
      intro='CSV 文件（Excel 另存为“CSV UTF-8”），第一行是表头，每人一行。全部无误才会导入，有一行出错则都不导入。' />
  )
}
