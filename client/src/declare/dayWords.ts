/** "2019年9月1日" for "2019-09-01": the day as people say it, whatever the platform's picker shows. */
export const dayWords = (value: string) => value.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')
