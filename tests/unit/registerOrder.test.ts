import { registerOrderOf } from '../../shared/declarations/registerOrder'

describe('the register order of a room', () => {
  it('sorts buildings, units and rooms with numbers as numbers', () => {
    const labels = ['10栋1单元101', '3栋2单元1001', '5栋101', '3栋1单元1201', '3栋2单元202', 'A座301']
    const sorted = [...labels].sort((a, b) => (registerOrderOf(a) < registerOrderOf(b) ? -1 : 1))
    expect(sorted).toEqual(['3栋1单元1201', '3栋2单元202', '3栋2单元1001', '5栋101', '10栋1单元101', 'A座301'])
  })
  it('keeps a label without numbers as it is', () => {
    expect(registerOrderOf('东座')).toBe('东座')
  })
})
