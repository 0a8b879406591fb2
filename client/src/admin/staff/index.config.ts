export default definePageConfig({ navigationBarTitleText: '人员与绑定码' })
