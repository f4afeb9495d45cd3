import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { parseToUnicode } from './pdf-text.test-helper.js'

// pdfkit 0.20 writes only the array form of bfrange, so the other two forms are checked here.
describe('ToUnicode CMap parsing', () => {
  it('reads bfchar and both bfrange forms', () => {
    const cmap = [
      '2 beginbfchar',
      '<0001> <0141>',
      '<0002> <0066 0069>',
      'endbfchar',
      '2 beginbfrange',
      '<0010> <0012> <03a3>',
      '<0020> <0021> [<0410> <1ec5>]',
      'endbfrange',
    ].join('\n')

    const map = parseToUnicode(cmap)

    assert.equal(map.get('0001'), 'Ł')
    assert.equal(map.get('0002'), 'fi')
    assert.equal(map.get('0010'), 'Σ')
    assert.equal(map.get('0011'), 'Τ')
    assert.equal(map.get('0012'), 'Υ')
    assert.equal(map.get('0020'), 'А')
    assert.equal(map.get('0021'), 'ễ')
    assert.equal(map.size, 7)
  })
})
