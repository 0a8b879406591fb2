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

// H5 is served by the local host, so it calls its own origin; a weapp built without a
// CloudBase env calls the local host at GRIDLINK_API_BASE (WeChat DevTools against `npm start`).
const apiBase = process.env.TARO_ENV === 'h5' ? '' : process.env.GRIDLINK_API_BASE || 'http://127.0.0.1:8080'

// How the weapp reaches the functions, chosen at build time (src/api/backend.weapp.ts):
//   GRIDLINK_TCB_ENV=<env id>  → WEAPP_TRANSPORT 'cloud': wx.cloud.callFunction / uploadFile in
//                                that env, identity = the WeChat account (no dev login);
//   unset                      → WEAPP_TRANSPORT 'http': the local host at API_BASE, dev login.
// H5 always uses HTTP; both constants are inert there.
const cloudEnv = process.env.TARO_ENV === 'weapp' ? (process.env.GRIDLINK_TCB_ENV ?? '').trim() : ''
// the same rule the functions' settings apply: a typo must fail the build, not every call at runtime
if (cloudEnv && !/^[a-z0-9-]{4,64}$/.test(cloudEnv)) throw new Error(`GRIDLINK_TCB_ENV "${cloudEnv}" is not a CloudBase env id`)
const weappTransport = cloudEnv ? 'cloud' : 'http'

// Taro passes every cache key on to webpack's filesystem cache, though its type lists only `enable`.
// One cache per output root: two builds side by side (GRIDLINK_DIST_ROOT) writing one cache left a
// weapp build with modules of an older source and chunks naming modules no file defined.
const cache = { enable: true, cacheDirectory: path.resolve(__dirname, '..', '.taro-cache', process.env.GRIDLINK_DIST_ROOT ?? 'dist') } as { enable: boolean }

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'gridlink',
    date: '2026-11-23',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // GRIDLINK_DIST_ROOT lets two builds run side by side (e.g. a second checkout's tests) without sharing an output folder
    outputRoot: `${process.env.GRIDLINK_DIST_ROOT ?? 'dist'}/${process.env.TARO_ENV}`,
    plugins: ['@tarojs/plugin-html'],
    defineConstants: { API_BASE: JSON.stringify(apiBase), CLOUD_ENV: JSON.stringify(cloudEnv), WEAPP_TRANSPORT: JSON.stringify(weappTransport) },
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
