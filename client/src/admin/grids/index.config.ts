export default definePageConfig({ navigationBarTitleText: '网格地图导入' })
