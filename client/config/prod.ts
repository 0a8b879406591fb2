import type { UserConfigExport } from '@tarojs/cli'

export default {
  // Taro's default escapes every non-ASCII character (ascii_only): each Chinese character then
  // costs 6 bytes (\uXXXX) instead of 3 in UTF-8, some 12 KB of the main package's 600. The
  // mini-program runtime reads its scripts as UTF-8, as WeChat's own tools write them.
  terser: { enable: true, config: { output: { ascii_only: false } } },
  mini: {},
  h5: {
    compile: {
      // old Android WebViews still open the H5 pages: keep that output ES5 as well
      include: [(filename: string) => /node_modules\/(?!(@babel|core-js|style-loader|css-loader|react|react-dom))/.test(filename)],
    },
  },
} satisfies UserConfigExport<'webpack5'>
