import { distanceM, offsetByMetres, roundToMetres } from '../../../shared/routing/geo'
import { BOARD_ROUND_M } from '../../../shared/schemas/board'
import { agoWords } from '../../../shared/calendar/agoWords'

// Places shown to anyone are snapped to a 50 m grid: never more than half a cell's diagonal
// from the true point, and every point of one cell shows the same place.

const SHENZHEN = { lng: 114.0575, lat: 22.54113 }
const HALF_DIAGONAL = (BOARD_ROUND_M * Math.SQRT2) / 2

describe('roundToMetres', () => {
  it('lands within half a cell\'s diagonal of every point, at several latitudes', () => {
    for (const origin of [SHENZHEN, { lng: 116.397, lat: 39.909 }, { lng: 126.63, lat: 45.75 }]) {
      for (let e = -120; e <= 120; e += 7) {
        for (let n = -120; n <= 120; n += 11) {
          const p = offsetByMetres(origin, e, n)
          // 1 mm of slack: the local projection's float rounding, far below any rounding that matters here
          expect(distanceM(p, roundToMetres(p, BOARD_ROUND_M))).toBeLessThanOrEqual(HALF_DIAGONAL + 0.001)
        }
      }
    }
  })

  it('gives two points of one cell the same value, and points a cell apart different ones', () => {
    const centre = roundToMetres(SHENZHEN, BOARD_ROUND_M)
    const inCell = [offsetByMetres(centre, 20, 20), offsetByMetres(centre, -20, 15), offsetByMetres(centre, 5, -24), centre]
    for (const p of inCell) expect(roundToMetres(p, BOARD_ROUND_M)).toEqual(centre)
    expect(roundToMetres(offsetByMetres(centre, 50, 0), BOARD_ROUND_M)).not.toEqual(centre)
    expect(roundToMetres(offsetByMetres(centre, 0, -50), BOARD_ROUND_M)).not.toEqual(centre)
  })

  it('refuses a cell that is not a positive size', () => {
    expect(() => roundToMetres(SHENZHEN, 0)).toThrow(RangeError)
  })
})

describe('agoWords', () => {
  const now = Date.UTC(2026, 11, 2, 8, 0)
  it.each([
    [0, '刚刚'], [59_000, '刚刚'], [60_000, '1分钟前'], [59 * 60_000, '59分钟前'], [3 * 3_600_000, '3小时前'],
    [23.9 * 3_600_000, '23小时前'], [24 * 3_600_000, '1天前'], [29 * 86_400_000 + 5, '29天前'], [-5_000, '刚刚'],
  ])('%d ms ago reads %s', (gone, words) => {
    expect(agoWords(now - gone, now)).toBe(words)
  })
})
