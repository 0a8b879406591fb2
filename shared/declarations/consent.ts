// The consent text a declarant reads and accepts before a declaration is sent (DESIGN.md,
// "Privacy and safety"). Its version is stored with each declaration; a declaration made
// against an older version is refused, so what was accepted is always what is on file.
// Changing a word here means a new version (and docs/privacy.md in the same change).

export interface ConsentText { version: string; title: string; paragraphs: readonly { heading: string; body: string }[] }

export const CONSENT: ConsentText = {
  version: '2026-12-02',
  title: '居住登记信息收集告知书',
  paragraphs: [
    { heading: '收集什么', body: '您申报的住址（社区、楼栋、单元、房号），您与该房屋的关系（业主、租户、家庭成员或房东），以及每位居住人的姓名、证件类型和号码、联系电话、与户主的关系和入住日期。不收集其他信息。' },
    { heading: '为什么收集', body: '用于社区实有人口登记（居住登记自主申报）：网格员据此核查居住情况，为您确定所属网格和网格员，在您反映问题、需要联系时能找到您。不用于其他目的，不向第三方提供，法律法规另有规定的除外。' },
    { heading: '谁能看到', body: '您本人能看到本户的登记信息。负责核查的网格员能看到遮挡后的证件号码和电话（如 4403**********123X、138****5678）；确需核对完整号码时须说明理由，每一次查看都记入不可修改的审计日志，区网格管理员可查阅。其他居民、志愿者和其他网格的工作人员看不到。' },
    { heading: '如何保存', body: '证件号码和电话加密后存储，即使有人拿到数据库也读不出号码；查找同一证件是否重复登记时，只比对由号码算出、无法还原成号码的特征值。' },
    { heading: '保存多久', body: '住在该房屋期间一直保存；迁出注销或申报未通过后，保留期满（默认180天）即匿名化：姓名、证件号码和电话删除，只保留不含个人信息的统计数量。' },
    { heading: '更正与删除', body: '信息有误时，可在“我的居住登记”中重新申报或为住户办理迁出；需要更正、删除或查询您的信息，可联系本网格网格员或拨打街道服务热线。' },
  ],
}
