export default definePageConfig({ navigationBarTitleText: '社区排行榜' })
