import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

// Every asset is bundled: a mini-program page that fetches a picture from someone else's
// server breaks on a weak signal, leaks who is looking, and needs a domain WeChat must allow.
// The API itself needs no host in the sources: the local stack's base comes from the build
// (client/config/index.ts, GRIDLINK_API_BASE) and CloudBase is called through wx.cloud.

const CLIENT_SRC = join(__dirname, '../../client/src')
const NUTUI_PACKAGES = join(__dirname, '../../node_modules/@nutui/nutui-react-taro/dist/es/packages')
/** Hosts a client source may name (docs/api.md): none today. */
const DOCUMENTED_API_HOSTS: readonly string[] = []
// XML namespaces are names, never fetched
const NAMESPACE_HOSTS = ['www.w3.org']

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
const TEXT_FILE = /\.(tsx?|css|scss|html|json)$/
const sources = walk(CLIENT_SRC).filter((f) => TEXT_FILE.test(f))

const URL_PATTERN = /\bhttps?:\/\/[^\s'"`)<>\\]+/g
// "//cdn.example.com/x.png" inside quotes or url(): the page's own scheme, still remote
const SCHEMELESS_PATTERN = /['"`(]\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+\/[^\s'"`)<>\\]*/gi

/** Each remote address in `text` whose host is not allowed. */
function remoteAddresses(text: string, allowed: readonly string[]): string[] {
  const found = [...text.matchAll(URL_PATTERN)].map((m) => m[0]).filter((url) => !allowed.includes(new URL(url).host))
  return [...found, ...[...text.matchAll(SCHEMELESS_PATTERN)].map((m) => m[0].slice(1))]
}

test('the scan sees the client sources and would catch a remote picture', () => {
  expect(sources.length).toBeGreaterThan(100)
  expect(remoteAddresses("<Image src='https://storage.360buyimg.com/a.png' />", [])).toEqual(['https://storage.360buyimg.com/a.png'])
  expect(remoteAddresses('.x { background: url(//img.example.com/a.png) }', [])).toEqual(['//img.example.com/a.png'])
  expect(remoteAddresses("const api = 'https://api.example.com/x'", ['api.example.com'])).toEqual([])
})

test('no client source names an address outside the documented API hosts', () => {
  const found = sources.flatMap((f) => remoteAddresses(readFileSync(f, 'utf8'), [...DOCUMENTED_API_HOSTS, ...NAMESPACE_HOSTS]).map((u) => `${relative(CLIENT_SRC, f)}: ${u}`))
  expect(found).toEqual([])
})

test('no NutUI component the client uses loads a picture from a remote server (as Empty did)', () => {
  const used = new Set(sources.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/@nutui\/nutui-react-taro\/dist\/es\/packages\/([a-z]+)\//g)].map((m) => m[1])))
  expect(used.size).toBeGreaterThan(0)
  const found = [...used].flatMap((name) =>
    readdirSync(join(NUTUI_PACKAGES, name)).filter((f) => f.endsWith('.js'))
      .flatMap((f) => remoteAddresses(readFileSync(join(NUTUI_PACKAGES, name, f), 'utf8'), NAMESPACE_HOSTS).map((u) => `${name}/${f}: ${u}`)))
  expect(found).toEqual([])
  expect(used.has('empty')).toBe(false)
})
