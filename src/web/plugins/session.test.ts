import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { safeNextPath } from './session.js'

describe('safeNextPath', () => {
  const cases: [unknown, string][] = [
    ['/students?q=ab', '/students?q=ab'],
    ['/students/12#outcomes', '/students/12#outcomes'],
    ['//evil.example/x', '/'],
    ['https://evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['/\tevil', '/'],
    ['/students\r\nSet-Cookie: x=1', '/'],
    ['/\u3002evil', '/'],
    ['/caf\u00e9', '/'],
    ['/ space', '/'],
    [`/${'a'.repeat(2001)}`, '/'],
    [undefined, '/'],
    [['/students'], '/'],
  ]
  for (const [value, expected] of cases) {
    test(`${JSON.stringify(value)?.slice(0, 40)} goes to ${expected}`, () => {
      assert.equal(safeNextPath(value), expected)
    })
  }
})
