import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { identityText, pseudonymousKey } from './pseudonym.js'

const SECRET = 'ab'.repeat(32)
const STUDENT = { id: 7, schoolId: 3, upn: 'K801200001001', uln: '1234567890', misId: 'M1' }

describe('pseudonymous keys', () => {
  it('identity prefers the UPN, then ULN, then MIS id', () => {
    assert.equal(identityText(STUDENT), 'upn:K801200001001')
    assert.equal(identityText({ ...STUDENT, upn: null }), 'uln:1234567890')
    assert.equal(identityText({ ...STUDENT, upn: null, uln: null }), 'mis:3:M1')
    assert.equal(identityText({ ...STUDENT, upn: null, uln: null, misId: null }), 'record:7')
  })

  it('key has the documented form', () => {
    assert.match(pseudonymousKey(SECRET, STUDENT), /^P-[0-9A-F]{16}$/)
  })

  it('key depends on the secret', () => {
    const other = 'cd'.repeat(32)

    assert.notEqual(pseudonymousKey(SECRET, STUDENT), pseudonymousKey(other, STUDENT))
  })

  it('same UPN at another school keeps its key', () => {
    const moved = { ...STUDENT, id: 99, schoolId: 4, misId: 'M2' }

    assert.equal(pseudonymousKey(SECRET, moved), pseudonymousKey(SECRET, STUDENT))
  })

  it('key does not contain the UPN', () => {
    assert.ok(!pseudonymousKey(SECRET, STUDENT).includes(STUDENT.upn))
  })
})
