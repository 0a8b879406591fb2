export default definePageConfig({ navigationBarTitleText: '本网格实有人口' })
