import assert from 'node:assert/strict'
import { test } from 'node:test'

import { parseUln, ulnCheckDigit } from './uln.js'

test('ulnCheckDigit completes the published example', () => {
  assert.equal(ulnCheckDigit('927630868'), 6)
})

test('ulnCheckDigit is 10 minus the remainder', () => {
  // Weighted sum of 100000009 is 10 + 18 = 28, remainder 6, so the check digit is 4.
  assert.equal(ulnCheckDigit('100000009'), 4)
})

test('ulnCheckDigit is null for remainder 0', () => {
  // Weighted sum of 200000001 is 20 + 2 = 22, remainder 0, which would need a check digit of 10.
  assert.equal(ulnCheckDigit('200000001'), null)
})

test('ulnCheckDigit rejects a leading zero', () => {
  assert.equal(ulnCheckDigit('027630868'), null)
})

test('parseUln accepts a valid ULN', () => {
  assert.deepEqual(parseUln('9276308686'), { ok: true, value: '9276308686', warnings: [] })
})

test('parseUln removes spaces with a warning', () => {
  const result = parseUln(' 92763 08686 ')

  assert.equal(result.ok && result.value, '9276308686')
  assert.match(result.ok ? (result.warnings[0] ?? '') : '', /stored as 9276308686/)
})

const INVALID: [string, RegExp][] = [
  ['', /ULN is missing/],
  ['9276308687', /check digit 7, but its first 9 digits give 6/],
  ['927630868', /exactly 10 digits/],
  ['92763086861', /exactly 10 digits/],
  ['92763O8686', /exactly 10 digits/],
  ['0276308686', /starts with 0/],
  ['2000000010', /no check digit can complete/],
  ['9.27E+09', /scientific notation/],
]

for (const [raw, error] of INVALID) {
  test(`parseUln rejects "${raw}"`, () => {
    const result = parseUln(raw)

    assert.equal(result.ok, false)
    assert.match(result.ok ? '' : result.error, error)
  })
}
