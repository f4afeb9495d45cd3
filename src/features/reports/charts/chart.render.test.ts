import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { parseHTML } from 'linkedom'

import { PATTERN_NAMES } from './chart.palette.js'
import { renderChart } from './chart.render.js'
import { patternId } from './chart.svg.js'
import { aCountChartSpec, aStackedChartSpec, aValidChartSpec } from './chart.test-data.js'

function parseSvg(svg: string): SVGSVGElement {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`)
  const element = document.querySelector('svg')
  assert.ok(element, 'the markup contains an <svg> element')
  return element as unknown as SVGSVGElement
}

// Plot draws each line of a wrapped label as a <tspan>, so lines are joined with a space.
function texts(svg: SVGSVGElement, selector: string): string[] {
  return Array.from(svg.querySelectorAll(selector)).map((element) => {
    const lines = Array.from(element.querySelectorAll('tspan'))
    if (lines.length === 0) return element.textContent ?? ''
    return lines.map((line) => line.textContent ?? '').join(' ')
  })
}

describe('renderChart bars', () => {
  test('draws one bar per shown value', () => {
    const svg = parseSvg(renderChart(aValidChartSpec()).svg)

    // Six pairs: one withheld, one without a value, so four bars, one of them for the 0.
    assert.equal(svg.querySelectorAll('.app-chart__bars rect').length, 4)
  })

  test('draws a bar per value of a one-series chart', () => {
    const svg = parseSvg(renderChart(aCountChartSpec()).svg)

    assert.equal(svg.querySelectorAll('.app-chart__bars rect').length, 3)
  })

  test('prints each shown value at its bar', () => {
    const svg = parseSvg(renderChart(aValidChartSpec()).svg)

    assert.deepEqual(texts(svg, '.app-chart__values text'), ['45.3%', '60%', '12%', '0%'])
  })

  test('replaces withheld and missing values with text', () => {
    const svg = parseSvg(renderChart(aValidChartSpec()).svg)

    assert.deepEqual(texts(svg, '.app-chart__missing text'), ['withheld', 'no data'])
  })

  test('says fewer than 5 for a withheld count', () => {
    const spec = aCountChartSpec()
    spec.values[1] = { category: 'Supported internship', series: 'students', value: null }

    const svg = parseSvg(renderChart(spec).svg)

    assert.equal(svg.querySelectorAll('.app-chart__bars rect').length, 2)
    assert.deepEqual(texts(svg, '.app-chart__missing text'), ['fewer than 5'])
  })

  test('says no data for a value marked no-data', () => {
    const spec = aCountChartSpec()
    spec.values[1] = {
      category: 'Supported internship',
      series: 'students',
      value: null,
      reason: 'no-data',
    }

    const svg = parseSvg(renderChart(spec).svg)

    assert.deepEqual(texts(svg, '.app-chart__missing text'), ['no data'])
  })

  test('labels every category in order', () => {
    const svg = parseSvg(renderChart(aCountChartSpec()).svg)

    assert.deepEqual(texts(svg, '.app-chart__categories text'), [
      'Paid employment',
      'Supported internship',
      'Further education',
    ])
  })

  test('wraps a long category label', () => {
    const label = 'Group 1: supported employment with a job coach and independent living'
    const spec = aCountChartSpec({
      categories: [label],
      values: [{ category: label, series: 'students', value: 3 }],
    })

    const svg = parseSvg(renderChart(spec).svg)

    const lines = texts(svg, '.app-chart__categories tspan')
    assert.ok(lines.length > 1, `expected several lines, got ${JSON.stringify(lines)}`)
    assert.equal(lines.join(' '), label)
  })
})

describe('renderChart accessibility', () => {
  test('names the SVG with its title', () => {
    const spec = aValidChartSpec()

    const svg = parseSvg(renderChart(spec).svg)

    assert.equal(svg.getAttribute('role'), 'img')
    const titleId = svg.getAttribute('aria-labelledby')
    assert.equal(titleId, 'leavers-by-group-title')
    const title = svg.querySelector(`title[id="${titleId}"]`)
    assert.equal(title?.textContent, spec.title)
    assert.equal(svg.firstElementChild, title)
  })

  test('describes the SVG with the summary', () => {
    const rendered = renderChart(aValidChartSpec())

    const svg = parseSvg(rendered.svg)

    const descId = svg.getAttribute('aria-describedby')
    assert.equal(descId, 'leavers-by-group-desc')
    assert.equal(svg.querySelector(`desc[id="${descId}"]`)?.textContent, rendered.summary)
  })

  test('defines a distinct pattern per series', () => {
    const spec = aValidChartSpec({
      series: PATTERN_NAMES.map((name, index) => ({ key: `s${index}`, label: name })),
      values: [],
    })

    const svg = parseSvg(renderChart(spec).svg)

    const patterns = Array.from(svg.querySelectorAll('defs pattern'))
    assert.equal(patterns.length, PATTERN_NAMES.length)
    const ids = patterns.map((pattern) => pattern.getAttribute('id'))
    assert.deepEqual(
      ids,
      PATTERN_NAMES.map((_name, index) => patternId(spec, index)),
    )
    const looks = patterns.map((pattern) => pattern.innerHTML)
    assert.equal(new Set(looks).size, PATTERN_NAMES.length, 'every pattern looks different')
    const fills = patterns.map((pattern) => pattern.querySelector('rect')?.getAttribute('fill'))
    assert.equal(new Set(fills).size, PATTERN_NAMES.length, 'every pattern has its own colour')
  })

  test('fills each bar with its series pattern', () => {
    const spec = aValidChartSpec()

    const svg = parseSvg(renderChart(spec).svg)

    const fills = Array.from(svg.querySelectorAll('.app-chart__bars rect')).map((bar) =>
      bar.getAttribute('fill'),
    )
    const first = `url(#${patternId(spec, 0)})`
    const second = `url(#${patternId(spec, 1)})`
    assert.deepEqual(fills, [first, second, second, first])
  })

  test('draws a legend entry per series', () => {
    const spec = aValidChartSpec()

    const svg = parseSvg(renderChart(spec).svg)

    assert.deepEqual(texts(svg, '.app-chart__legend text'), ['2024 leavers', '2025 leavers'])
    const swatches = Array.from(svg.querySelectorAll('.app-chart__legend rect'))
    assert.deepEqual(
      swatches.map((swatch) => swatch.getAttribute('fill')),
      [`url(#${patternId(spec, 0)})`, `url(#${patternId(spec, 1)})`],
    )
  })

  test('has no style that the CSP blocks', () => {
    const { svg } = renderChart(aValidChartSpec())

    assert.doesNotMatch(svg, /<style/i)
    assert.doesNotMatch(svg, /\sstyle=/i)
    assert.doesNotMatch(svg, /class="plot-/)
  })

  test('scales to its box with a fixed viewBox', () => {
    const svg = parseSvg(renderChart(aValidChartSpec()).svg)

    assert.equal(svg.getAttribute('width'), '100%')
    assert.equal(svg.getAttribute('height'), null)
    assert.match(svg.getAttribute('viewBox') ?? '', /^0 0 320 \d+$/)
  })
})

describe('renderChart safety', () => {
  test('escapes a hostile label everywhere', () => {
    const hostile = '<script>alert("x")</script>'
    const spec = aCountChartSpec({
      title: hostile,
      categories: [hostile],
      series: [{ key: 'students', label: `${hostile} & more` }],
      values: [{ category: hostile, series: 'students', value: 9 }],
    })

    const { svg } = renderChart(spec)

    assert.doesNotMatch(svg, /<script/i)
    assert.match(svg, /&lt;script&gt;/)
    assert.equal(texts(parseSvg(svg), '.app-chart__categories text')[0], hostile)
  })

  test('gives the same markup for the same spec', () => {
    assert.equal(renderChart(aValidChartSpec()).svg, renderChart(aValidChartSpec()).svg)
  })

  test('rejects an id that is unsafe in ids', () => {
    assert.throws(
      () => renderChart(aValidChartSpec({ id: 'a) url(#b' })),
      /Invalid chart spec "a\) url\(#b": id must start with a letter/,
    )
  })

  test('rejects a value for an unknown category', () => {
    const spec = aCountChartSpec({
      values: [{ category: 'Elsewhere', series: 'students', value: 1 }],
    })

    assert.throws(() => renderChart(spec), /values\.0 category "Elsewhere" is not in categories/)
  })

  test('rejects a percent over 100', () => {
    const spec = aValidChartSpec({
      values: [{ category: 'Group 1', series: 'y2024', value: 101 }],
    })

    assert.throws(() => renderChart(spec), /percent 101 is over 100/)
  })

  test('rejects a fractional count', () => {
    const spec = aCountChartSpec({
      values: [{ category: 'Paid employment', series: 'students', value: 2.5 }],
    })

    assert.throws(() => renderChart(spec), /count 2.5 is not a whole number/)
  })

  test('rejects more series than patterns', () => {
    const series = [...PATTERN_NAMES, 'extra'].map((name, index) => ({
      key: `s${index}`,
      label: name,
    }))

    assert.throws(() => renderChart(aValidChartSpec({ series, values: [] })), /series/)
  })
})

describe('renderChart without data', () => {
  test('draws a No data chart without categories', () => {
    const rendered = renderChart(aCountChartSpec({ categories: [], values: [] }))

    const svg = parseSvg(rendered.svg)
    assert.deepEqual(texts(svg, 'text'), ['No data'])
    assert.equal(svg.querySelectorAll('rect').length, 0)
    assert.equal(rendered.summary, 'There is no data for this chart.')
    assert.deepEqual(rendered.table.rows, [])
    assert.equal(svg.getAttribute('role'), 'img')
  })
})

describe('renderChart stacked', () => {
  test('draws one segment per shown value', () => {
    const svg = parseSvg(renderChart(aStackedChartSpec()).svg)

    // Group 1 has 3 values, Group 2 has 2 of 3, Group 3 has 3 and Group 4 none.
    assert.equal(svg.querySelectorAll('.app-chart__bars rect').length, 8)
  })

  test('fills segments with their series pattern', () => {
    const spec = aStackedChartSpec()

    const svg = parseSvg(renderChart(spec).svg)

    const fills = Array.from(svg.querySelectorAll('.app-chart__bars rect')).map((bar) =>
      bar.getAttribute('fill'),
    )
    assert.deepEqual(
      fills,
      [0, 1, 2, 0, 2, 0, 1, 2].map((index) => `url(#${patternId(spec, index)})`),
    )
  })

  test('lists withheld and missing series in words', () => {
    const svg = parseSvg(renderChart(aStackedChartSpec()).svg)

    const missing = texts(svg, '.app-chart__missing text')
    assert.equal(missing.length, 2)
    assert.equal(missing[0], 'Not shown: Supported internship (fewer than 5)')
    assert.match(missing[1] ?? '', /^Not shown: Paid employment \(no data\)/)
  })

  test('prints totals only for complete bars', () => {
    const svg = parseSvg(renderChart(aStackedChartSpec()).svg)

    assert.deepEqual(texts(svg, '.app-chart__values text'), ['total 41', 'total 33'])
  })

  test('prints segment values that fit', () => {
    const svg = parseSvg(renderChart(aStackedChartSpec()).svg)

    const printed = texts(svg, '.app-chart__segment-values text')
    assert.ok(printed.includes('30'), `expected 30 among ${JSON.stringify(printed)}`)
    assert.ok(!printed.includes('1'), 'the segment of 1 is too narrow for its label')
  })

  test('prints no totals for percentages', () => {
    const svg = parseSvg(renderChart(aStackedChartSpec({ unit: 'percent' })).svg)

    assert.deepEqual(texts(svg, '.app-chart__values text'), [])
  })

  test('keeps the accessible name and patterns', () => {
    const spec = aStackedChartSpec()

    const svg = parseSvg(renderChart(spec).svg)

    assert.equal(svg.getAttribute('role'), 'img')
    assert.equal(svg.querySelector('title')?.textContent, spec.title)
    assert.equal(svg.querySelectorAll('defs pattern').length, spec.series.length)
    assert.doesNotMatch(renderChart(spec).svg, /<style|\sstyle=/)
  })
})
