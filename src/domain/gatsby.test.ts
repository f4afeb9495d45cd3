import assert from 'node:assert/strict'
import { test } from 'node:test'

import {
  BENCHMARK_NUMBERS,
  benchmarkOn,
  benchmarkTitle,
  GATSBY_VERSIONS,
  gatsbyVersion,
  gatsbyVersionOn,
} from './gatsby.js'

test('gatsbyVersionOn uses 2014 wording on 31 August 2025', () => {
  assert.equal(gatsbyVersionOn('2025-08-31').id, '2014')
})

test('gatsbyVersionOn uses 2025 wording from 1 September 2025', () => {
  assert.equal(gatsbyVersionOn('2025-09-01').id, '2025')
  assert.equal(gatsbyVersionOn('2026-12-04').id, '2025')
})

test('gatsbyVersionOn uses 2014 wording for old dates', () => {
  assert.equal(gatsbyVersionOn('2000-01-01').id, '2014')
})

test('benchmark 3 wording changes on 1 September 2025', () => {
  assert.equal(benchmarkOn(3, '2025-08-31').benchmark.name, 'Addressing the needs of each pupil')
  assert.equal(
    benchmarkOn(3, '2025-09-01').benchmark.name,
    'Addressing the needs of each young person',
  )
})

test('benchmarkTitle names the number and wording', () => {
  assert.equal(
    benchmarkTitle(5, '2025-10-01'),
    'Benchmark 5: Encounters with employers and employees',
  )
})

test('gatsbyVersion returns a chosen version', () => {
  assert.equal(gatsbyVersion('2014').label, '2014 wording')
  assert.equal(gatsbyVersion('2025').inForceFrom, '2025-09-01')
})

test('every version lists all eight benchmarks in order', () => {
  for (const version of GATSBY_VERSIONS) {
    const numbers = version.benchmarks.map((benchmark) => benchmark.number)
    assert.deepEqual(numbers, [...BENCHMARK_NUMBERS], version.id)
    for (const benchmark of version.benchmarks) {
      assert.ok(benchmark.name.length > 0, `${version.id} ${benchmark.number} name`)
      assert.ok(benchmark.summary.length > 0, `${version.id} ${benchmark.number} summary`)
    }
  }
})
