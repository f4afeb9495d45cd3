import assert from 'node:assert/strict'
import { test } from 'node:test'

import { readFixture } from './fixtures.test.js'
import { CHECK_LETTERS, parseUpn, upnCheckLetter } from './upn.js'

test('upnCheckLetter gives B for the known vector', () => {
  assert.equal(upnCheckLetter('801200005001'), 'B')
})

test('upnCheckLetter counts a final letter by index', () => {
  assert.equal(upnCheckLetter('94099912507T'), 'J')
})

test('upnCheckLetter rejects malformed input', () => {
  assert.equal(upnCheckLetter('80120000500'), null)
  assert.equal(upnCheckLetter('8012000050011'), null)
  assert.equal(upnCheckLetter('80120000500S'), null)
  assert.equal(upnCheckLetter('8O1200005001'), null)
})

test('CHECK_LETTERS leaves out I, O and S', () => {
  assert.equal(CHECK_LETTERS.length, 23)
  assert.doesNotMatch(CHECK_LETTERS, /[IOS]/)
})

test('parseUpn accepts B801200005001', () => {
  assert.deepEqual(parseUpn('B801200005001'), {
    ok: true,
    value: { upn: 'B801200005001', temporary: false },
    warnings: [],
  })
})

test('parseUpn rejects A801200005001', () => {
  const result = parseUpn('A801200005001')

  assert.match(result.ok ? '' : result.error, /check letter A, but the rest of the UPN gives B/)
})

test('parseUpn says Q207000016049 should be P', () => {
  const result = parseUpn('Q207000016049')

  assert.match(result.ok ? '' : result.error, /gives P/)
})

// Expected results for test/fixtures/upn-check-letters.csv, by CSV line.
const FIXTURE_EXPECTATIONS: Record<number, { upn?: string; temporary?: boolean; error?: RegExp }> =
  {
    2: { upn: 'K940999114001', temporary: false },
    3: { upn: 'J94099912507T', temporary: true },
    4: { error: /"E940999114002" has the check letter E, but the rest of the UPN gives Z/ },
    5: { error: /"Q207000016049" has the check letter Q, but the rest of the UPN gives P/ },
    6: { upn: 'P207000016049', temporary: false },
    7: { upn: 'M941999215003', temporary: false },
    8: { error: /"I940999114004" starts with I, which is never a check letter/ },
    9: { error: /"H94099912508S" ends in S, but a temporary UPN cannot end in I, O or S/ },
    10: { error: /"R94099911400" has 12 characters, but a UPN has 13/ },
    11: { error: /"F94099O114006" has "O" at character 7, where only digits are allowed/ },
  }

for (const row of readFixture('upn-check-letters.csv')) {
  const expected = FIXTURE_EXPECTATIONS[row.line]
  test(`parseUpn fixture line ${row.line}`, () => {
    const result = parseUpn(row.cells['UPN'] ?? '')

    if (expected?.error) {
      assert.equal(result.ok, false)
      assert.match(result.ok ? '' : result.error, expected.error)
    } else {
      assert.equal(result.ok, true)
      assert.equal(result.ok && result.value.upn, expected?.upn)
      assert.equal(result.ok && result.value.temporary, expected?.temporary)
    }
  })
}

test('parseUpn warns for a temporary UPN', () => {
  const result = parseUpn('J94099912507T')

  assert.deepEqual(result.ok && result.warnings.length, 1)
  assert.match(result.ok ? (result.warnings[0] ?? '') : '', /temporary UPN/)
})

test('parseUpn warns when it normalises', () => {
  const result = parseUpn(' m941999215003 ')

  assert.match(result.ok ? (result.warnings[0] ?? '') : '', /stored as M941999215003/)
})

test('parseUpn removes inner spaces', () => {
  const result = parseUpn('B801 2000 05001')

  assert.equal(result.ok && result.value.upn, 'B801200005001')
})

test('parseUpn rejects a blank value', () => {
  const result = parseUpn('  ')

  assert.match(result.ok ? '' : result.error, /UPN is missing/)
})

for (const letter of ['I', 'O', 'S']) {
  test(`parseUpn rejects check letter ${letter}`, () => {
    const result = parseUpn(`${letter}801200005001`)

    assert.match(result.ok ? '' : result.error, /never a check letter/)
  })

  test(`parseUpn rejects temporary ending ${letter}`, () => {
    const result = parseUpn(`B80120000500${letter}`)

    assert.match(result.ok ? '' : result.error, /cannot end in I, O or S/)
  })
}

test('parseUpn rejects a leading digit', () => {
  const result = parseUpn('9801200005001')

  assert.match(result.ok ? '' : result.error, /must start with a check letter/)
})

test('parseUpn rejects scientific notation', () => {
  const result = parseUpn('9.4E+12')

  assert.match(result.ok ? '' : result.error, /scientific notation/)
})

test('parseUpn rejects 14 characters', () => {
  const result = parseUpn('B8012000050011')

  assert.match(result.ok ? '' : result.error, /has 14 characters/)
})

test('parseUpn rejects punctuation at the end', () => {
  const result = parseUpn('B80120000500#')

  assert.match(result.ok ? '' : result.error, /ends in "#"/)
})
