export default definePageConfig({ navigationBarTitleText: '分拨台' })
