import { formFieldOf, formFields } from '../../client/src/declare/fieldPaths'

// The server names a person's field by its whole path; the form shows it on that person's card.
test.each([
  ['persons.1.document.idNumber', 'persons-1-idNumber'],
  ['persons.0.document.idKind', 'persons-0-idKind'],
  ['persons.2.document', 'persons-2-idNumber'],
  ['persons.0.phone', 'persons-0-phone'],
  ['persons.3.moveInDate', 'persons-3-moveInDate'],
  ['persons.4', 'persons-4-name'],
  ['persons', 'persons'],
  ['residentIds.2', 'residentIds'],
  ['roomId', 'roomId'],
  ['consentVersion', 'consentVersion'],
  ['', '_'],
])('%s is shown on %s', (path, field) => {
  expect(formFieldOf(path)).toBe(field)
})

test('the first message for a field is kept', () => {
  expect(formFields({ 'persons.1.document.idNumber': '证件号码重复', 'persons.1.document': '证件有误', roomId: '该房号不存在，请重新选择' }))
    .toEqual({ 'persons-1-idNumber': '证件号码重复', roomId: '该房号不存在，请重新选择' })
})
