import './nutui'
import { act, fireEvent, render } from '@testing-library/react'
import { setTransport } from '../../client/src/api/transport'
import RateForm from '../../client/src/case/RateForm'
import { fakeTransport, ok } from './fakeTransport'

const textOf = (id: string) => document.getElementById(id)?.textContent ?? null
const click = async (el: Element) => { await act(async () => { fireEvent.click(el) }) }
const star = (n: number) => document.getElementById(`rate-star-${n}`)!

function renderForm() {
  const fake = fakeTransport((_fn, body) => ok({ reportId: 'rep-1', rating: body.payload }))
  setTransport(fake.transport)
  const onRated = jest.fn()
  render(<RateForm reportId='rep-1' onRated={onRated} />)
  return { ...fake, onRated }
}

test('submitting without choices shows what is missing on each field', async () => {
  const { calls } = renderForm()
  await click(document.getElementById('rate-submit')!)
  expect(textOf('field-error-solved')).toBe('请填写是否已解决')
  expect(textOf('field-error-stars')).toBe('评分应为 1–5 星')
  expect(calls).toHaveLength(0)
})

test('the stars are said in words', async () => {
  renderForm()
  expect(textOf('rate-stars-words')).toBe('请点星星打分')
  await click(star(4))
  expect(textOf('rate-stars-words')).toBe('4星 · 满意')
})

test('each star is a large button labelled with its number, the chosen one marked for screen readers too', async () => {
  renderForm()
  expect([1, 2, 3, 4, 5].map((n) => star(n).textContent)).toEqual(['☆1星', '☆2星', '☆3星', '☆4星', '☆5星'])
  await click(star(3))
  expect([1, 2, 3, 4, 5].map((n) => star(n).textContent)).toEqual(['★1星', '★2星', '★3星', '☆4星', '☆5星'])
  expect(star(3).getAttribute('aria-label')).toBe('3星，一般（已选）')
  expect(star(3).getAttribute('aria-checked')).toBe('true')
  expect(star(4).getAttribute('aria-checked')).toBe('false')
  expect(document.querySelector('#rate-stars img, #rate-stars svg')).toBeNull()
})

test('"未解决" warns that the report goes back to the worker, and is sent as solved: false', async () => {
  const { calls, onRated } = renderForm()
  await click(document.getElementById('rate-solved-no')!)
  await click(star(4))
  expect(textOf('rate-reopen-hint')).toContain('返工')
  fireEvent.change(document.querySelector('#rate-comment textarea')!, { target: { value: '  纸箱又堆回来了  ' } })
  await click(document.getElementById('rate-submit')!)
  expect(calls).toEqual([{ fn: 'resident', body: { action: 'rateReport', payload: { reportId: 'rep-1', stars: 4, solved: false, comment: '纸箱又堆回来了' } } }])
  expect(onRated).toHaveBeenCalled()
})

test('a good rating of a solved report says nothing about rework', async () => {
  renderForm()
  await click(document.getElementById('rate-solved-yes')!)
  await click(star(5))
  expect(document.getElementById('rate-reopen-hint')).toBeNull()
})

test('a server refusal is shown above the button', async () => {
  const fake = fakeTransport(() => ({ ok: false, error: { code: 'CONFLICT', message: '该事项刚被他人处理，请刷新后查看' } }))
  setTransport(fake.transport)
  render(<RateForm reportId='rep-1' onRated={jest.fn()} />)
  await click(document.getElementById('rate-solved-yes')!)
  await click(star(5))
  await click(document.getElementById('rate-submit')!)
  expect(textOf('rate-form-error')).toBe('该事项刚被他人处理，请刷新后查看')
})
