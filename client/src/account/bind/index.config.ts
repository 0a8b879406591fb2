export default definePageConfig({ navigationBarTitleText: '我是工作人员' })
