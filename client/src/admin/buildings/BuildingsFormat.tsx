import FileFormat from '../common/FileFormat'
import { BUILDINGS_COLUMNS, BUILDINGS_EXAMPLE } from './buildingsFormat'

/** The columns the registry file needs, in order, with rows spelled out to copy. */
export default function BuildingsFormat() {
  return (
    <FileFormat id='buildings' columns={BUILDINGS_COLUMNS} example={BUILDINGS_EXAMPLE} fileName='楼栋房屋模板.csv'
      intro='CSV 文件（Excel 另存为“CSV UTF-8”），第一行是表头，每户一行；同一社区编码、同一楼栋的各行是同一栋楼。每栋楼的位置须落在本社区的网格内。全部无误才会导入，有一行出错则都不导入。' />
  )
}
