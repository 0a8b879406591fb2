// Province-level codes of GB/T 2260 (中华人民共和国行政区划代码), the first two digits of a
// resident ID's address code and of the issuing place on a foreigner's permanent residence
// card. Only the province is checked: the full six-digit list changes every year and codes
// of abolished counties stay valid in the IDs already issued with them.
//
// 71 (台湾省) is in GB/T 2260 but no resident ID is issued with it; 81/82 (香港/澳门) and 83
// appear only as the fixed 810000/820000/830000 of the 港澳台居民居住证 (see idDocuments.ts).
export const MAINLAND_PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京', '12': '天津', '13': '河北', '14': '山西', '15': '内蒙古',
  '21': '辽宁', '22': '吉林', '23': '黑龙江',
  '31': '上海', '32': '江苏', '33': '浙江', '34': '安徽', '35': '福建', '36': '江西', '37': '山东',
  '41': '河南', '42': '湖北', '43': '湖南', '44': '广东', '45': '广西', '46': '海南',
  '50': '重庆', '51': '四川', '52': '贵州', '53': '云南', '54': '西藏',
  '61': '陕西', '62': '甘肃', '63': '青海', '64': '宁夏', '65': '新疆',
}

/** The 港澳台居民居住证 address codes (港澳台居民居住证申领发放办法, 2018): the whole region, no county. */
export const PERMIT_REGIONS: Readonly<Record<string, string>> = {
  '810000': '香港',
  '820000': '澳门',
  '830000': '台湾',
}

export const isMainlandProvince = (code: string) => Object.prototype.hasOwnProperty.call(MAINLAND_PROVINCES, code)
export const isPermitRegion = (code: string) => Object.prototype.hasOwnProperty.call(PERMIT_REGIONS, code)
