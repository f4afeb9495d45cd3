import assert from 'node:assert/strict'
import { test } from 'node:test'

import { listMessages, parseListForm } from './students.query.js'

const VALID_YEARS = ['R', 'r', 'X', '1', '9', '10', '14', ' 11 ', '']
const INVALID_YEARS = ['15', '0', '01', 'Y10', '1e1', 'ten', '-1']

for (const year of VALID_YEARS) {
  test(`year "${year}" is accepted`, () => {
    assert.equal(parseListForm({ year }).errors, null)
  })
}

for (const year of INVALID_YEARS) {
  test(`year "${year}" is reported`, () => {
    const { errors, answers, form } = parseListForm({ year })

    assert.equal(errors?.byField.year?.text, listMessages.yearInvalid)
    assert.equal(answers.year, year)
    assert.equal(form.year, undefined)
  })
}

test('search of 100 characters is accepted', () => {
  const { errors, form } = parseListForm({ q: 'a'.repeat(100) })

  assert.equal(errors, null)
  assert.equal(form.q, 'a'.repeat(100))
})

test('search over 100 characters is reported', () => {
  const q = 'a'.repeat(101)
  const { errors, answers } = parseListForm({ q })

  assert.deepEqual(errors?.list, [{ href: '#q', text: listMessages.searchTooLong }])
  assert.equal(answers.q, q)
})

test('both typed errors are listed', () => {
  const { errors } = parseListForm({ q: 'a'.repeat(101), year: '15' })

  assert.deepEqual(
    errors?.list.map((error) => error.href),
    ['#q', '#year'],
  )
})

const NOT_DECIMAL = ['0x10', '1e2', ' 2', '2.0', '0', '-3', '+4']

for (const written of NOT_DECIMAL) {
  test(`page and school "${written}" are dropped`, () => {
    const { form } = parseListForm({ page: written, school: written })

    assert.equal(form.page, undefined)
    assert.equal(form.school, undefined)
  })
}

test('page and school in decimal are read', () => {
  const { form } = parseListForm({ page: '7', school: '12' })

  assert.equal(form.page, 7)
  assert.equal(form.school, 12)
})

test('repeated search uses the first', () => {
  const { form, answers } = parseListForm({ q: ['Cara', 'Amber'] })

  assert.equal(answers.q, 'Cara')
  assert.equal(form.q, 'Cara')
})
