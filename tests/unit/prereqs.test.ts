import { planPrereqs } from '../../scripts/prereqs.mjs'

// What `npm test` does about a machine without Chromium or a CJK font (scripts/prereqs.mjs).
const ready = { chromium: true, font: true, fcList: true, root: true, aptGet: true }
const APT = 'DEBIAN_FRONTEND=noninteractive apt-get update -qq && apt-get install -y -qq'

describe('npm test prerequisites', () => {
  it('does nothing when Chromium and the font are there, whoever runs it', () => {
    expect(planPrereqs(ready)).toEqual({ action: 'nothing' })
    expect(planPrereqs({ ...ready, root: false, aptGet: false })).toEqual({ action: 'nothing' })
  })

  it.each([
    [{ chromium: false, font: false }, ['chromium', 'fonts-noto-cjk'], ['Chromium', 'a CJK font']],
    [{ chromium: false }, ['chromium'], ['Chromium']],
    [{ font: false }, ['fonts-noto-cjk'], ['a CJK font']],
    [{ font: false, fcList: false }, ['fonts-noto-cjk', 'fontconfig'], ['a CJK font']],
  ])('installs only what is missing as root with apt-get: %j', (lacks, packages, missing) => {
    expect(planPrereqs({ ...ready, ...lacks })).toEqual({ action: 'install', missing, packages, command: `${APT} ${packages.join(' ')}` })
  })

  it('stops with the command to run when it may not install', () => {
    expect(planPrereqs({ ...ready, chromium: false, root: false })).toEqual({
      action: 'fail', missing: ['Chromium'], packages: ['chromium'], command: `sudo sh -c '${APT} chromium'`,
    })
    expect(planPrereqs({ ...ready, font: false, aptGet: false })).toMatchObject({ action: 'fail', command: `${APT} fonts-noto-cjk` })
  })
})
