import assert from 'node:assert/strict'
import { test } from 'node:test'

import { estimateTextWidth, wrapText } from './chart.text.js'

test('wrapText keeps short text on one line', () => {
  assert.deepEqual(wrapText('Group 1', 20), ['Group 1'])
})

test('wrapText breaks at spaces within the width', () => {
  const lines = wrapText('Supported employment with a job coach and a travel plan', 12)

  assert.ok(lines.length > 1)
  for (const line of lines) assert.ok(estimateTextWidth(line) <= 12, `"${line}" is too wide`)
  assert.equal(lines.join(' '), 'Supported employment with a job coach and a travel plan')
})

test('wrapText hyphenates a word wider than a line', () => {
  const lines = wrapText('Internationalisation', 5)

  assert.ok(lines.length > 1)
  for (const line of lines) assert.ok(estimateTextWidth(line) <= 5, `"${line}" is too wide`)
  assert.equal(lines.join('').replaceAll('-', ''), 'Internationalisation')
})

test('estimateTextWidth makes bold text wider', () => {
  assert.ok(estimateTextWidth('Group', { bold: true }) > estimateTextWidth('Group'))
})
