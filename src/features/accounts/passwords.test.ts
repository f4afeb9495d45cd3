import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { hashPassword, passwordProblem, verifyPassword } from './passwords.js'

describe('password rules', () => {
  const email = 'jordan.smith@school.test'
  const cases: [string, RegExp | null][] = [
    ['short one', /at least 12 characters/],
    ['violet kettle harbour', null],
    ['aaaaaaaaaaaaaaa', /too common/],
    ['password1234', /too common/],
    ['1234567890123', /too common/],
    ['Password123!', /too common/],
    ['qwertyuiop123', /too common/],
    ['jordan.smith is me', /email address/],
    ['no symbols or digits needed', null],
    ['correcthorsebatterystaple', /too common/],
    ['Correct-Horse Battery_Staple', /too common/],
    ['pass word 1234', /too common/],
    ['x'.repeat(257), /at most 256/],
  ]
  for (const [password, problem] of cases) {
    test(`"${password.slice(0, 30)}" ${problem ? 'is refused' : 'is accepted'}`, () => {
      const found = passwordProblem(password, email)
      if (problem) assert.match(found ?? '', problem)
      else assert.equal(found, null)
    })
  }

  test('hashes are argon2id and verify only the same password', async () => {
    const hash = await hashPassword('violet kettle harbour')
    assert.match(hash, /^\$argon2id\$/)
    assert.equal(await verifyPassword(hash, 'violet kettle harbour'), true)
    assert.equal(await verifyPassword(hash, 'violet kettle harbor'), false)
    assert.equal(await verifyPassword('not a hash', 'anything'), false)
  })
})
