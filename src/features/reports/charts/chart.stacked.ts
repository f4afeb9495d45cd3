// The stacked bar chart: per category, a bold label and one bar split into a segment per series,
// for a mix such as the outcomes of each group.
import * as Plot from '@observablehq/plot'

import { TEXT_COLOUR } from './chart.palette.js'
import { categoryTotal, cellText, formatValue, missingText, showsTotals } from './chart.summary.js'
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
import { estimateTextWidth, wrapText } from './chart.text.js'
import type { ChartSpec } from './chart.types.js'

const STACK_HEIGHT = BAR_HEIGHT + 4
// A segment's value is printed inside it only with this much room to spare, in viewBox units.
const SEGMENT_LABEL_PADDING = 6

interface Segment extends ChartCell {
  start: number
  end: number
  y: number
  text: string
}

interface StackRow {
  category: string
  lines: string
  labelY: number
  barY: number
  total: number | null
  totalText: string
  missingLines: string
  missingY: number
}

/**
 * Draws one bar per category split into series segments. A segment's value is printed inside it
 * where it fits, with a white halo over the pattern. The table has every value. Withheld and
 * missing values are listed in words under their bar, and a stacked chart of counts prints each
 * complete bar's total after it.
 */
export function plotStackedBars(
  spec: ChartSpec,
  cells: ChartCell[],
  document: Document,
): SVGSVGElement {
  const legend = layoutLegend(spec)
  const { rows, segments, height } = layoutStacks(spec, cells, legend.bottom)

  const totalRows = rows.filter((row) => row.totalText !== '')
  const widestTotal = Math.max(0, ...totalRows.map((row) => estimateTextWidth(row.totalText)))
  const barsRight = VIEW_WIDTH - widestTotal * FONT_SIZE - VALUE_LABEL_GAP - 2
  const maxTotal = Math.max(0, ...segments.map((segment) => segment.end))
  const domainMax = maxTotal > 0 ? maxTotal : 1
  const unitsPerValue = (barsRight - 1) / domainMax
  const labelledSegments = segments.filter(
    (segment) =>
      estimateTextWidth(segment.text) * FONT_SIZE + SEGMENT_LABEL_PADDING <=
      (segment.end - segment.start) * unitsPerValue,
  )

  const svg = Plot.plot({
    document,
    width: VIEW_WIDTH,
    height,
    margin: 0,
    x: { type: 'linear', domain: [0, domainMax], range: [1, barsRight], round: true, axis: null },
    y: { type: 'identity', axis: null },
    marks: [
      Plot.text(rows, {
        x: 0,
        y: 'labelY',
        text: 'lines',
        textAnchor: 'start',
        lineAnchor: 'top',
        lineHeight: LINE_HEIGHT / FONT_SIZE,
        fontWeight: 'bold',
        className: 'app-chart__categories',
      }),
      Plot.rectX(segments, {
        x1: 'start',
        x2: 'end',
        y1: 'y',
        y2: (segment: Segment) => segment.y + STACK_HEIGHT,
        fill: { value: (segment: Segment) => patternUrl(spec, segment.seriesIndex), scale: null },
        stroke: '#ffffff',
        strokeWidth: 1,
        className: 'app-chart__bars',
      }),
      Plot.ruleX(rows, {
        x: 0,
        y1: 'barY',
        y2: (row: StackRow) => row.barY + STACK_HEIGHT,
        stroke: TEXT_COLOUR,
      }),
      Plot.text(labelledSegments, {
        x: (segment: Segment) => (segment.start + segment.end) / 2,
        y: (segment: Segment) => segment.y + STACK_HEIGHT / 2,
        text: 'text',
        lineAnchor: 'middle',
        fill: TEXT_COLOUR,
        stroke: '#ffffff',
        strokeWidth: 4,
        paintOrder: 'stroke',
        className: 'app-chart__segment-values',
      }),
      Plot.text(totalRows, {
        x: 'total',
        y: (row: StackRow) => row.barY + STACK_HEIGHT / 2,
        text: 'totalText',
        dx: VALUE_LABEL_GAP,
        textAnchor: 'start',
        lineAnchor: 'middle',
        className: 'app-chart__values',
      }),
      Plot.text(
        rows.filter((row) => row.missingLines !== ''),
        {
          x: 0,
          y: 'missingY',
          text: 'missingLines',
          textAnchor: 'start',
          lineAnchor: 'top',
          lineHeight: LINE_HEIGHT / FONT_SIZE,
          fontStyle: 'italic',
          className: 'app-chart__missing',
        },
      ),
    ],
  }) as SVGSVGElement

  drawLegend(svg, spec, legend)
  return svg
}

function layoutStacks(spec: ChartSpec, cells: ChartCell[], top: number) {
  const rows: StackRow[] = []
  const segments: Segment[] = []
  let y = top
  for (const category of spec.categories) {
    const lines = categoryLabelLines(category)
    const labelY = y
    const barY = labelY + lines.length * LINE_HEIGHT + LABEL_GAP
    const categoryCells = cells.filter((cell) => cell.category === category)

    let end = 0
    for (const cell of categoryCells) {
      if (cell.value === null) continue
      segments.push({
        ...cell,
        start: end,
        end: end + cell.value,
        y: barY,
        text: cellText(cell, spec.unit),
      })
      end += cell.value
    }

    const total = showsTotals(spec) ? categoryTotal(cells, category) : null
    const missingLines = describeMissing(spec, categoryCells)
    const missingY = barY + STACK_HEIGHT + LABEL_GAP
    rows.push({
      category,
      lines: lines.join('\n'),
      labelY,
      barY,
      total: total ?? end,
      totalText: total === null ? '' : `total ${formatValue(total, 'count')}`,
      missingLines: missingLines.join('\n'),
      missingY,
    })
    y = missingLines.length > 0 ? missingY + missingLines.length * LINE_HEIGHT : barY + STACK_HEIGHT
    y += GROUP_GAP
  }
  return { rows, segments, height: y - GROUP_GAP + 2 }
}

// Lists the series of a bar that have no segment, for example "Not shown: Paid work (fewer
// than 5)", wrapped to the chart's width.
function describeMissing(spec: ChartSpec, categoryCells: ChartCell[]): string[] {
  const parts = categoryCells
    .filter((cell) => cell.value === null)
    .map(
      (cell) => `${spec.series[cell.seriesIndex]?.label} (${missingText(spec.unit, cell.reason)})`,
    )
  if (parts.length === 0) return []
  return wrapText(`Not shown: ${parts.join(', ')}`, VIEW_WIDTH / FONT_SIZE)
}
