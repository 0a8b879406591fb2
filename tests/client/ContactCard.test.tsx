import Taro from '@tarojs/taro'
import { fireEvent, render, screen } from '@testing-library/react'
import type { ContactCard as Card, StaffContact } from '../../shared/api'
import { setTransport } from '../../client/src/api/transport'
import ContactCard from '../../client/src/pages/home/ContactCard'
import NotFoundPanel from '../../client/src/pages/home/NotFoundPanel'
import WeappCallButton from '../../client/src/pages/home/CallButton.weapp'
import { fakeTransport } from './fakeTransport'
import { demoCommunityMap } from './map/fixtures'

// 网格员服务联系卡 on the home page: who looks after the grid, a one-tap call with the right
// number, who covers a leave, and what to do outside every grid.
jest.mock('../../client/src/assets/avatar-placeholder.png', () => 'bundled-avatar.png')

const taro = Taro as unknown as Record<string, jest.Mock>
const person = (over: Partial<StaffContact>): StaffContact => ({
  name: '李军', phone: '13920007919', role: 'grid_leader', roleName: '网格长', duties: '统筹网格事务', officeHours: '工作日 9:00–17:30，社区党群服务中心', onLeave: null, ...over,
})
const card = (over: Partial<Card> = {}): Card => ({
  gridId: 'g-lianhua1-1', gridName: '莲花一村社区第1网格', communityId: 'c-lianhua1', communityName: '莲花一村社区', streetName: '华富街道',
  leader: person({}), workers: [person({ name: '王建国', phone: '13920000000', role: 'grid_worker', roleName: '网格员', duties: '巡查走访', officeHours: '' })],
  hotline: '0755-12345', source: 'home', ...over,
})

// the transport turns a view's photo link into what the platform loads (the host's origin on weapp)
beforeAll(() => setTransport({ ...fakeTransport(() => ({ ok: true, data: null })).transport, fileUrl: (link) => `own-server:${link}` }))

test('shows the grid and community, each person with role in words, duties and hours, and calls the right number', () => {
  render(<ContactCard card={card()} map={null} />)
  expect(document.getElementById('home-grid-name')!.textContent).toBe('莲花一村社区 · 第1网格')
  expect(document.getElementById('home-grid-source')!.textContent).toBe('华富街道 · 按您的住址（登记或自选的网格）')
  expect(document.getElementById('home-leader-name')!.textContent).toBe('李军')
  expect(document.getElementById('home-leader-role')!.textContent).toBe('网格长')
  expect(document.getElementById('home-worker-0-role')!.textContent).toBe('网格员')
  expect(screen.getByText('职责：统筹网格事务')).toBeTruthy()
  expect(screen.getByText('办公时间：工作日 9:00–17:30，社区党群服务中心')).toBeTruthy()
  const call = document.getElementById('home-call-leader') as HTMLAnchorElement
  expect(call.getAttribute('href')).toBe('tel:13920007919')
  expect(call.textContent).toBe('拨打 139 2000 7919')
  expect(call.getAttribute('aria-label')).toBe('给网格长 李军打电话：13920007919')
  expect(document.getElementById('home-call-worker-0')!.getAttribute('href')).toBe('tel:13920000000')
  expect(document.getElementById('home-call-hotline')!.getAttribute('href')).toBe('tel:0755-12345')
})

test('a grid found from a verified declaration names the address it came from', () => {
  render(<ContactCard card={card({ homeAddress: '田面社区8栋2单元602' })} map={null} />)
  expect(document.getElementById('home-grid-source')!.textContent).toBe('按您登记的住址：田面社区8栋2单元602（已核验）')
})

test('an address is only named for a grid that came from it', () => {
  render(<ContactCard card={card({ source: 'location', homeAddress: '田面社区8栋2单元602' })} map={null} />)
  expect(document.getElementById('home-grid-source')!.textContent).toBe('华富街道 · 按您当前的位置找到')
})

test('shows the bundled face when a person has no photo, and theirs when they do', () => {
  render(<ContactCard card={card({ leader: person({ photoUrl: '/api/_files/staff-1?e=1&s=x' }) })} map={null} />)
  const [leaderPhoto, workerPhoto] = Array.from(document.querySelectorAll('img.leader-photo'))
  expect(leaderPhoto.getAttribute('src')).toBe('own-server:/api/_files/staff-1?e=1&s=x')
  expect(workerPhoto.getAttribute('src')).toBe('bundled-avatar.png')
  // a photo that fails to load gives way to the bundled face
  fireEvent.error(leaderPhoto)
  expect(document.querySelector('img.leader-photo')!.getAttribute('src')).toBe('bundled-avatar.png')
})

test('says who covers a worker on leave and until when, with a call button for the substitute', () => {
  const until = new Date(2030, 2, 8).getTime() // 3月8日 00:00, local time
  const onLeave = { until, substitute: { name: '张三', phone: '13900000001' } }
  render(<ContactCard card={card({ workers: [person({ name: '王建国', role: 'grid_worker', roleName: '网格员', onLeave })] })} map={null} />)
  expect(document.getElementById('home-worker-0-leave')!.textContent).toBe('请假中，3月8日前由 张三（139 0000 0001）代班')
  expect(document.getElementById('home-worker-0-call-substitute')!.getAttribute('href')).toBe('tel:13900000001')
  expect(document.getElementById('home-leader-leave')).toBeNull()
})

test('a leave without a substitute says whom to call instead; one ending mid-day gives the time', () => {
  const until = new Date(2030, 2, 8, 17, 30).getTime()
  render(<ContactCard card={card({ leader: person({ onLeave: { until, substitute: null } }) })} map={null} />)
  expect(document.getElementById('home-leader-leave')!.textContent).toBe('请假中，3月8日 17:30前请联系本网格其他工作人员或拨打热线')
})

test('draws the community with the person\'s grid highlighted once the map is there, and offers to pick another grid', () => {
  const onRepick = jest.fn()
  render(<ContactCard card={card()} map={demoCommunityMap('c-lianhua1')} onRepick={onRepick} />)
  expect(document.querySelector('#home-map path.gm-grid-mine')!.getAttribute('data-grid-id')).toBe('g-lianhua1-1')
  fireEvent.click(screen.getByText('不是我的网格？重新选择'))
  expect(onRepick).toHaveBeenCalled()
})

test('outside every grid: says so and gives the area\'s hotline to call', () => {
  render(<NotFoundPanel result={{ found: false, reason: 'outside', areaName: '新田社区', hotline: '0755-12345' }} locating={false} onLocate={jest.fn()} onPick={jest.fn()} />)
  expect(document.getElementById('home-outside')!.textContent).toBe('您所在的位置不属于任何网格')
  expect(screen.getByText(/这里属于新田社区/)).toBeTruthy()
  expect(document.getElementById('home-call-area')!.getAttribute('href')).toBe('tel:0755-12345')
})

test('no location yet: a big button to find the grid by location and one to pick it from the list', () => {
  const onLocate = jest.fn()
  const onPick = jest.fn()
  render(<NotFoundPanel result={{ found: false, reason: 'no_location', areaName: null, hotline: '0755-12345' }} locating={false} onLocate={onLocate} onPick={onPick} />)
  fireEvent.click(screen.getByText('按当前位置查找'))
  fireEvent.click(screen.getByText('从列表选择我的网格'))
  expect(onLocate).toHaveBeenCalled()
  expect(onPick).toHaveBeenCalled()
})

test('on weapp the call button asks WeChat to dial that number', () => {
  render(<WeappCallButton id='call' phone='13920007919' who='网格长 李军' />)
  fireEvent.click(document.getElementById('call')!)
  expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13920007919' })
  expect(document.getElementById('call')!.textContent).toBe('拨打 139 2000 7919')
})
