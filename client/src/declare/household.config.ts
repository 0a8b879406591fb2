export default definePageConfig({ navigationBarTitleText: '我的居住登记' })
