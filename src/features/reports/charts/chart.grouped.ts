// The grouped bar chart: per category, a bold label on its own lines and one bar per series.
import * as Plot from '@observablehq/plot'

import { TEXT_COLOUR, seriesColours } from './chart.palette.js'
import { cellText } from './chart.summary.js'
import type { ChartCell } from './chart.summary.js'
import {
  BAR_HEIGHT,
  FONT_SIZE,
  GROUP_GAP,
  LABEL_GAP,
  LINE_HEIGHT,
  VALUE_LABEL_GAP,
  VIEW_WIDTH,
  categoryLabelLines,
  drawLegend,
  layoutLegend,
  patternUrl,
} from './chart.svg.js'
import { estimateTextWidth } from './chart.text.js'
import type { ChartSpec } from './chart.types.js'

const BAR_GAP = 4

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

/** Draws one bar per category and series, with the value or the missing-value text after it. */
export function plotGroupedBars(
  spec: ChartSpec,
  cells: ChartCell[],
  document: Document,
): SVGSVGElement {
  const legend = layoutLegend(spec)
  const { blocks, bars, height } = layoutBars(spec, cells, legend.bottom)
  const colours = seriesColours(spec.series.length)

  const barsWithValue = bars.filter((bar) => bar.value !== null)
  const barsWithoutValue = bars.filter((bar) => bar.value === null)
  // The bars stop short of the right edge by the widest value label, so every label fits.
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

  drawLegend(svg, spec, legend)
  return svg
}

// Each category gets its label on its own lines above its bars, so a long label can use the
// whole width instead of squeezing the bars.
function layoutBars(spec: ChartSpec, cells: ChartCell[], top: number) {
  const blocks: CategoryBlock[] = []
  const bars: Bar[] = []
  let y = top
  for (const category of spec.categories) {
    const lines = categoryLabelLines(category)
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
