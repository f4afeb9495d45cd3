import assert from 'node:assert/strict'
import { test } from 'node:test'

import { controlCharacterProblem, escapeControlCharacters, findControlCharacter } from './text.js'

test('findControlCharacter finds C0, C1 and bidi', () => {
  for (const character of ['\u0000', '\u0007', '\u0008', '\u001b', '\u0085', '\u202e', '\u2066']) {
    assert.equal(findControlCharacter(`a${character}b`, true), character)
  }
})

test('findControlCharacter allows line breaks when multi-line', () => {
  assert.equal(findControlCharacter('one\ntwo\r\n\tthree', true), null)
  assert.equal(findControlCharacter('one\ntwo', false), '\n')
  assert.equal(findControlCharacter('one\ttwo', false), '\t')
})

test('findControlCharacter accepts ordinary text', () => {
  assert.equal(findControlCharacter('Zoë’s café – 1 Sep 👩‍🍳', false), null)
})

test('controlCharacterProblem names the field and code point', () => {
  const message = controlCharacterProblem('Provider', 'Acme\u001b[2J', false)

  assert.match(message ?? '', /^Provider contains a control or text-direction character/)
  assert.match(message ?? '', /\(U\+001B\)/)
})

test('escapeControlCharacters keeps line feed and tab', () => {
  assert.equal(
    escapeControlCharacters('a\u001b[2Jb\u202ec\n\td\r'),
    'a\\u001B[2Jb\\u202Ec\n\td\\u000D',
  )
})
