// The data each chart on a report page needs, kept apart from how a chart is drawn. A renderer
// draws a `ReportChart`, and the page shows the same numbers in a table beside it.
import type { MissingReason } from './charts/chart.types.js'

/** One chart: categories along one axis, one bar (or point) per series for each category. */
export interface ReportChart {
  /** Unique on the page, for ids and links. */
  id: string
  title: string
  /** A sentence that states what the chart shows, for readers who cannot see it. */
  summary: string
  /** The name of the category axis, such as "Career SEND group". */
  categoryLabel: string
  /** The name of the value axis, such as "Share of leavers". */
  valueLabel: string
  /** `count`: whole numbers. `percent`: percentages from 0 to 100. */
  unit: 'count' | 'percent'
  categories: string[]
  /**
   * Each series has one value per category, in order, and null is a withheld or missing value.
   * `reasons`, when given, names the reason each null value is missing, in the same order.
   */
  series: { name: string; values: (number | null)[]; reasons?: (MissingReason | null)[] }[]
  /** The chart as drawn for the page, set by reportPageContext. */
  drawing?: ReportChartDrawing
}

/** A drawn chart: the SVG, or the reason it could not be drawn. */
export type ReportChartDrawing = { svg: string } | { error: string }
