import assert from 'node:assert/strict'
import { PassThrough } from 'node:stream'
import { setTimeout as delay } from 'node:timers/promises'
import { describe, it } from 'node:test'

import type { Cell } from './export.paging.js'
import { safeCell, writeCsv, writeXlsx } from './export.writers.js'

const ROWS = 20_000

/** Yields rows of random-looking text, which compresses poorly, and counts what was taken. */
function countedRows() {
  const counter = { taken: 0 }
  async function* rows(): AsyncGenerator<Cell[]> {
    for (let index = 0; index < ROWS; index += 1) {
      counter.taken += 1
      yield [index, `row ${index} ${Math.random().toString(36)} ${Math.random().toString(36)}`]
    }
  }
  return { counter, rows: rows() }
}

describe('export writers', () => {
  it('safeCell neutralises text only', () => {
    assert.equal(safeCell('=1+2'), "'=1+2")
    assert.equal(safeCell('-2'), "'-2")
    assert.equal(safeCell(-2), -2)
    assert.equal(safeCell(''), null)
    assert.equal(safeCell(null), null)
    assert.equal(safeCell('2026-12-04'), '2026-12-04')
  })

  it('csv waits for a slow reader', async () => {
    const out = new PassThrough({ highWaterMark: 16 * 1024 })
    const { counter, rows } = countedRows()

    const written = writeCsv(['Number', 'Text'], rows, out)
    await delay(300)
    const takenWhileFull = counter.taken
    out.resume()
    await written

    assert.ok(takenWhileFull < ROWS / 2, `${takenWhileFull} rows taken with no reader`)
    assert.equal(counter.taken, ROWS)
  })

  it('xlsx takes every row', async () => {
    const out = new PassThrough()
    const { counter, rows } = countedRows()
    out.resume()

    await writeXlsx('Sheet', ['Number', 'Text'], rows, out)

    assert.equal(counter.taken, ROWS)
  })
})
