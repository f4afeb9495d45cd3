// Draws a ChartSpec as an accessible SVG with Observable Plot, using linkedom as the DOM so that
// pages need no client JavaScript. Layout is in viewBox units: the SVG scales to its box's width.
import * as Plot from '@observablehq/plot'
import { parseHTML } from 'linkedom'

import { plotGroupedBars } from './chart.grouped.js'
import { plotStackedBars } from './chart.stacked.js'
import { TEXT_COLOUR } from './chart.palette.js'
import { chartCells, chartTable, summariseChart } from './chart.summary.js'
import {
  FONT_SIZE,
  LINE_HEIGHT,
  VIEW_WIDTH,
  createPatternDefs,
  createSvgElement,
  setAttributes,
} from './chart.svg.js'
import type { ChartSpec, RenderedChart } from './chart.types.js'
import { assertValidChartSpec } from './chart.validation.js'

/** Renders the chart, its summary and its table. Throws an error when the spec is invalid. */
export function renderChart(spec: ChartSpec): RenderedChart {
  assertValidChartSpec(spec)

  const cells = chartCells(spec)
  const summary = summariseChart(spec, cells)
  const { document } = parseHTML('<!doctype html><html><body></body></html>')
  const hasData = spec.categories.length > 0
  const plotBars = spec.kind === 'stacked' ? plotStackedBars : plotGroupedBars
  const svg = hasData ? plotBars(spec, cells, document) : plotNoData(document)
  const defs = hasData ? [createPatternDefs(spec, document)] : []
  makeAccessible(svg, spec, summary)
  svg.querySelector('desc')?.after(...defs)
  return {
    id: spec.id,
    title: spec.title,
    ...(spec.note ? { note: spec.note } : {}),
    svg: svg.outerHTML,
    summary,
    table: chartTable(spec, cells),
  }
}

function plotNoData(document: Document): SVGSVGElement {
  return Plot.plot({
    document,
    width: VIEW_WIDTH,
    height: 3 * LINE_HEIGHT,
    margin: 0,
    marks: [Plot.text(['No data'], { frameAnchor: 'middle', fontSize: FONT_SIZE })],
  }) as SVGSVGElement
}

// Plot adds a <style> block and a class for it. The CSP blocks inline styles, so both go, and
// the Sass gives the SVG its size instead. Plot also labels its mark groups ("rect", "rule"),
// which is ARIA that a <g> without a role may not carry and that an image hides anyway.
function makeAccessible(svg: SVGSVGElement, spec: ChartSpec, summary: string) {
  for (const style of Array.from(svg.querySelectorAll('style'))) style.remove()
  svg.removeAttribute('class')
  for (const element of Array.from(svg.querySelectorAll('[aria-label], [aria-hidden]'))) {
    element.removeAttribute('aria-label')
    element.removeAttribute('aria-hidden')
  }
  svg.removeAttribute('height')
  setAttributes(svg, {
    class: 'app-chart__svg',
    width: '100%',
    'font-family': 'arial, sans-serif',
    'font-size': FONT_SIZE,
    fill: TEXT_COLOUR,
    role: 'img',
    'aria-labelledby': `${spec.id}-title`,
    'aria-describedby': `${spec.id}-desc`,
  })

  const title = createSvgElement(svg.ownerDocument, 'title', { id: `${spec.id}-title` })
  title.textContent = spec.title
  const desc = createSvgElement(svg.ownerDocument, 'desc', { id: `${spec.id}-desc` })
  desc.textContent = summary
  svg.prepend(title, desc)
}
