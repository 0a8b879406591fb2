export default definePageConfig({ navigationBarTitleText: '居住登记' })
