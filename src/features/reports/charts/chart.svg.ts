// Layout constants and SVG parts shared by the grouped and stacked charts: the legend, the series
// patterns and element helpers. Every size is in viewBox units.
import { PATTERN_SIZE, TEXT_COLOUR, patternOverlay, seriesColours } from './chart.palette.js'
import { wrapText } from './chart.text.js'
import type { ChartSpec } from './chart.types.js'

// The viewBox is narrow and the text large for it, so labels stay about 13 px tall when the chart
// is squeezed into a 320 px wide phone screen. The Sass caps the chart's width on wide screens.
export const VIEW_WIDTH = 320
export const FONT_SIZE = 15
export const LINE_HEIGHT = 18
export const BAR_HEIGHT = 18
export const GROUP_GAP = 16
export const LABEL_GAP = 4
export const VALUE_LABEL_GAP = 5
const SWATCH_WIDTH = 24
const SWATCH_HEIGHT = 16
const LEGEND_TEXT_X = SWATCH_WIDTH + 8
const LEGEND_ROW_GAP = 6
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg'

interface LegendRow {
  seriesIndex: number
  lines: string[]
  y: number
}

export interface Legend {
  rows: LegendRow[]
  /** Top of the first category: the legend's height plus a gap. */
  bottom: number
}

/** Lays out one legend row per series at the top of the chart, each label wrapped to fit. */
export function layoutLegend(spec: ChartSpec): Legend {
  const rows: LegendRow[] = []
  let y = 0
  spec.series.forEach((series, seriesIndex) => {
    const lines = wrapText(series.label, (VIEW_WIDTH - LEGEND_TEXT_X) / FONT_SIZE)
    rows.push({ seriesIndex, lines, y })
    y += Math.max(lines.length * LINE_HEIGHT, SWATCH_HEIGHT) + LEGEND_ROW_GAP
  })
  return { rows, bottom: y - LEGEND_ROW_GAP + GROUP_GAP }
}

/** Wraps a category label to the chart's width, for the bold line or lines above its bars. */
export function categoryLabelLines(category: string): string[] {
  return wrapText(category, VIEW_WIDTH / FONT_SIZE, { bold: true })
}

/** Appends the legend: a swatch with the series pattern and the series label per row. */
export function drawLegend(svg: SVGSVGElement, spec: ChartSpec, legend: Legend) {
  const document = svg.ownerDocument
  const colours = seriesColours(spec.series.length)
  const group = createSvgElement(document, 'g', {
    class: 'app-chart__legend',
    'text-anchor': 'start',
  })
  for (const row of legend.rows) {
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

export function patternUrl(spec: ChartSpec, seriesIndex: number): string {
  return `url(#${patternId(spec, seriesIndex)})`
}

export function patternId(spec: ChartSpec, seriesIndex: number): string {
  return `${spec.id}-pattern-${seriesIndex}`
}

/**
 * Returns a <defs> with one pattern per series. Each pattern is a tile of the series colour with a
 * white overlay, so the series stay distinct in greyscale and for people who cannot distinguish
 * the colours.
 */
export function createPatternDefs(spec: ChartSpec, document: Document): SVGElement {
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
  return defs
}

export function createSvgElement(
  document: Document,
  name: string,
  attributes: Record<string, string | number>,
): SVGElement {
  const element = document.createElementNS(SVG_NAMESPACE, name) as SVGElement
  setAttributes(element, attributes)
  return element
}

export function setAttributes(element: Element, attributes: Record<string, string | number>) {
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value))
}
