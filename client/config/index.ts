import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

const root = path.resolve(__dirname, '..', '..')

// `shared/` is TypeScript outside src/ and zod 4 ships `?.`/`??`/classes: both must go
// through babel or webpack cannot parse shared/ and the weapp output stops being ES5.
const compileInclude = [path.join(root, 'shared'), (file: string) => /node_modules[\\/]zod[\\/]/.test(file)]

// NutUI React Taro's own sizes assume a 375 design; ours are written for 375 as well so
// that 44px in any stylesheet means the same 44 CSS pixels on a 375-wide phone.
const NUTUI_DESIGN_WIDTH = 375
const OUR_DESIGN_WIDTH = 375
const designWidth = (input?: string | number | { file?: string }) =>
  typeof input === 'object' && input.file?.replace(/\\+/g, '/').includes('@nutui') ? NUTUI_DESIGN_WIDTH : OUR_DESIGN_WIDTH

// The weapp build talks to the local host until the wx.cloud transport lands; H5 is served
// by that same host, so it uses its own origin.
const apiBase = process.env.TARO_ENV === 'h5' ? '' : process.env.GRIDLINK_API_BASE || 'http://127.0.0.1:8080'

// Taro passes every cache key on to webpack's filesystem cache, though its type lists only `enable`.
const cache = { enable: true, cacheDirectory: path.resolve(__dirname, '..', '.taro-cache') } as { enable: boolean }

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'gridlink',
    date: '2026-11-23',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: ['@tarojs/plugin-html'],
    defineConstants: { API_BASE: JSON.stringify(apiBase) },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache,
    mini: {
      compile: { include: compileInclude },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // hash routes need nothing from the host beyond serving index.html at `/`
      router: { mode: 'hash' },
      compile: { include: compileInclude },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
  }

  process.env.BROWSERSLIST_ENV = process.env.NODE_ENV
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig)
})
