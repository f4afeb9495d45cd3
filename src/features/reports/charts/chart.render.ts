// Draws a ChartSpec as an accessible SVG with Observable Plot, using linkedom as the DOM so that
// pages need no client JavaScript. Layout is in viewBox units: the SVG scales to its box's width.
import * as Plot from '@observablehq/plot'
import { parseHTML } from 'linkedom'

import { PATTERN_SIZE, TEXT_COLOUR, patternOverlay, seriesColours } from './chart.palette.js'
import { cellText, chartCells, chartTable, summariseChart } from './chart.summary.js'
import type { ChartCell } from './chart.summary.js'
import { estimateTextWidth, wrapText } from './chart.text.js'
import type { ChartSpec, RenderedChart } from './chart.types.js'
import { assertValidChartSpec } from './chart.validation.js'

// The viewBox is narrow and the text large for it, so labels stay about 13 px tall when the chart
// is squeezed into a 320 px wide phone screen. The Sass caps the chart's width on wide screens.
export const VIEW_WIDTH = 320
const FONT_SIZE = 15
const LINE_HEIGHT = 18
const BAR_HEIGHT = 18
const BAR_GAP = 4
const GROUP_GAP = 16
const LABEL_GAP = 4
const SWATCH_WIDTH = 24
const SWATCH_HEIGHT = 16
const LEGEND_TEXT_X = SWATCH_WIDTH + 8
const LEGEND_ROW_GAP = 6
const VALUE_LABEL_GAP = 5
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg'

interface Bar extends ChartCell {
  y: number
  text: string
}

interface CategoryBlock {
  category: string
  lines: string
  labelY: number
  barsTop: number
  barsBottom: number
}

interface LegendRow {
  seriesIndex: number
  lines: string[]
  y: number
}

/** Renders the chart, its summary and its table. Throws an error when the spec is invalid. */
export function renderChart(spec: ChartSpec): RenderedChart {
  assertValidChartSpec(spec)

  const cells = chartCells(spec)
  const summary = summariseChart(spec, cells)
  const { document } = parseHTML('<!doctype html><html><body></body></html>')
  const svg = spec.categories.length === 0 ? plotNoData(document) : plotBars(spec, cells, document)
  addAccessibleName(svg, spec, summary, document)
  if (spec.categories.length > 0) addPatterns(svg, spec, document)
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

function plotBars(spec: ChartSpec, cells: ChartCell[], document: Document): SVGSVGElement {
  const legend = layoutLegend(spec)
  const legendBottom = legend.at(-1) ? legendRowBottom(legend.at(-1)!) + GROUP_GAP : 0
  const { blocks, bars, height } = layoutBars(spec, cells, legendBottom)
  const colours = seriesColours(spec.series.length)

  const barsWithValue = bars.filter((bar) => bar.value !== null)
  const barsWithoutValue = bars.filter((bar) => bar.value === null)
  const widestLabel = Math.max(0, ...barsWithValue.map((bar) => estimateTextWidth(bar.text)))
  const barsRight = VIEW_WIDTH - widestLabel * FONT_SIZE - VALUE_LABEL_GAP - 2
  const maxValue = Math.max(0, ...barsWithValue.map((bar) => bar.value ?? 0))

  const svg = Plot.plot({
    document,
    width: VIEW_WIDTH,
    height,
    margin: 0,
    x: {
      type: 'linear',
      domain: [0, maxValue > 0 ? maxValue : 1],
      range: [1, barsRight],
      round: true,
      axis: null,
    },
    y: { type: 'identity', axis: null },
    marks: [
      Plot.text(blocks, {
        x: 0,
        y: 'labelY',
        text: 'lines',
        textAnchor: 'start',
        lineAnchor: 'top',
        lineHeight: LINE_HEIGHT / FONT_SIZE,
        fontWeight: 'bold',
        className: 'app-chart__categories',
      }),
      Plot.rectX(barsWithValue, {
        x1: 0,
        x2: 'value',
        y1: 'y',
        y2: (bar: Bar) => bar.y + BAR_HEIGHT,
        fill: { value: (bar: Bar) => patternUrl(spec, bar.seriesIndex), scale: null },
        stroke: { value: (bar: Bar) => colours[bar.seriesIndex], scale: null },
        strokeWidth: 1,
        className: 'app-chart__bars',
      }),
      Plot.ruleX(blocks, { x: 0, y1: 'barsTop', y2: 'barsBottom', stroke: TEXT_COLOUR }),
      Plot.text(barsWithValue, {
        x: 'value',
        y: (bar: Bar) => bar.y + BAR_HEIGHT / 2,
        text: 'text',
        dx: VALUE_LABEL_GAP,
        textAnchor: 'start',
        lineAnchor: 'middle',
        className: 'app-chart__values',
      }),
      Plot.text(barsWithoutValue, {
        x: 0,
        y: (bar: Bar) => bar.y + BAR_HEIGHT / 2,
        text: 'text',
        dx: VALUE_LABEL_GAP,
        textAnchor: 'start',
        lineAnchor: 'middle',
        fontStyle: 'italic',
        className: 'app-chart__missing',
      }),
    ],
  }) as SVGSVGElement

  drawLegend(svg, spec, legend, document)
  return svg
}

function layoutLegend(spec: ChartSpec): LegendRow[] {
  const rows: LegendRow[] = []
  let y = 0
  spec.series.forEach((series, seriesIndex) => {
    const lines = wrapText(series.label, (VIEW_WIDTH - LEGEND_TEXT_X) / FONT_SIZE)
    const row = { seriesIndex, lines, y }
    rows.push(row)
    y = legendRowBottom(row) + LEGEND_ROW_GAP
  })
  return rows
}

function legendRowBottom(row: LegendRow): number {
  return row.y + Math.max(row.lines.length * LINE_HEIGHT, SWATCH_HEIGHT)
}

// Each category gets its label on its own lines above its bars, so a long label can use the
// whole width instead of squeezing the bars.
function layoutBars(spec: ChartSpec, cells: ChartCell[], top: number) {
  const blocks: CategoryBlock[] = []
  const bars: Bar[] = []
  let y = top
  for (const category of spec.categories) {
    const lines = wrapText(category, VIEW_WIDTH / FONT_SIZE, { bold: true })
    const labelY = y
    const barsTop = labelY + lines.length * LINE_HEIGHT + LABEL_GAP
    y = barsTop
    for (const cell of cells.filter((candidate) => candidate.category === category)) {
      bars.push({ ...cell, y, text: cellText(cell, spec.unit) })
      y += BAR_HEIGHT + BAR_GAP
    }
    const barsBottom = y - BAR_GAP
    blocks.push({ category, lines: lines.join('\n'), labelY, barsTop, barsBottom })
    y = barsBottom + GROUP_GAP
  }
  return { blocks, bars, height: y - GROUP_GAP + 2 }
}

function drawLegend(svg: SVGSVGElement, spec: ChartSpec, rows: LegendRow[], document: Document) {
  const colours = seriesColours(spec.series.length)
  const group = createSvgElement(document, 'g', {
    class: 'app-chart__legend',
    'text-anchor': 'start',
  })
  for (const row of rows) {
    const textTop = row.y + Math.max(0, (SWATCH_HEIGHT - LINE_HEIGHT) / 2)
    group.append(
      createSvgElement(document, 'rect', {
        x: 0.5,
        y: row.y + 0.5,
        width: SWATCH_WIDTH,
        height: SWATCH_HEIGHT,
        fill: patternUrl(spec, row.seriesIndex),
        stroke: colours[row.seriesIndex] ?? TEXT_COLOUR,
      }),
    )
    row.lines.forEach((line, index) => {
      const text = createSvgElement(document, 'text', {
        x: LEGEND_TEXT_X,
        y: textTop + index * LINE_HEIGHT + LINE_HEIGHT / 2,
        'dominant-baseline': 'central',
      })
      text.textContent = line
      group.append(text)
    })
  }
  svg.append(group)
}

function patternUrl(spec: ChartSpec, seriesIndex: number): string {
  return `url(#${patternId(spec, seriesIndex)})`
}

export function patternId(spec: ChartSpec, seriesIndex: number): string {
  return `${spec.id}-pattern-${seriesIndex}`
}

// Plot adds a <style> block and a class for it. The CSP blocks inline styles, so both go, and
// the Sass gives the SVG its size instead. Plot also labels its mark groups ("rect", "rule"),
// which is ARIA that a <g> without a role may not carry and that an image hides anyway.
function addAccessibleName(
  svg: SVGSVGElement,
  spec: ChartSpec,
  summary: string,
  document: Document,
) {
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

  const title = createSvgElement(document, 'title', { id: `${spec.id}-title` })
  title.textContent = spec.title
  const desc = createSvgElement(document, 'desc', { id: `${spec.id}-desc` })
  desc.textContent = summary
  svg.prepend(title, desc)
}

// Each series' pattern is a tile of its colour with a white overlay, so the series stay distinct
// in greyscale and for people who cannot distinguish the colours.
function addPatterns(svg: SVGSVGElement, spec: ChartSpec, document: Document) {
  const colours = seriesColours(spec.series.length)
  const defs = createSvgElement(document, 'defs', {})
  spec.series.forEach((_series, seriesIndex) => {
    const pattern = createSvgElement(document, 'pattern', {
      id: patternId(spec, seriesIndex),
      width: PATTERN_SIZE,
      height: PATTERN_SIZE,
      patternUnits: 'userSpaceOnUse',
    })
    pattern.append(
      createSvgElement(document, 'rect', {
        width: PATTERN_SIZE,
        height: PATTERN_SIZE,
        fill: colours[seriesIndex] ?? TEXT_COLOUR,
      }),
    )
    const overlay = patternOverlay(seriesIndex)
    if (overlay.path) {
      const paint: Record<string, string | number> = overlay.filled
        ? { fill: '#ffffff' }
        : { fill: 'none', stroke: '#ffffff', 'stroke-width': 1.5 }
      pattern.append(createSvgElement(document, 'path', { d: overlay.path, ...paint }))
    }
    defs.append(pattern)
  })
  svg.querySelector('desc')?.after(defs)
}

function createSvgElement(
  document: Document,
  name: string,
  attributes: Record<string, string | number>,
): SVGElement {
  const element = document.createElementNS(SVG_NAMESPACE, name) as SVGElement
  setAttributes(element, attributes)
  return element
}

function setAttributes(element: Element, attributes: Record<string, string | number>) {
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value))
}
