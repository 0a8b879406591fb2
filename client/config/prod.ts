import type { UserConfigExport } from '@tarojs/cli'

export default {
  mini: {},
  h5: {
    compile: {
      // old Android WebViews still open the H5 pages: keep that output ES5 as well
      include: [(filename: string) => /node_modules\/(?!(@babel|core-js|style-loader|css-loader|react|react-dom))/.test(filename)],
    },
  },
} satisfies UserConfigExport<'webpack5'>
