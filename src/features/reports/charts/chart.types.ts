// The input of renderChart: aggregate figures only, never a record about one student.

export type ChartUnit = 'count' | 'percent'

/**
 * The reason a value is null. A value without a reason is taken as 'suppressed' (a count from 1 to
 * 4, or a share built on one). 'withheld' is a figure withheld for another reason, such as to
 * protect another figure.
 */
export type MissingReason =
  'suppressed' | 'withheld' | 'fewer-than-10-leavers' | 'no-data' | 'no-leavers' | 'not-yet-known'

export const MISSING_REASONS = [
  'suppressed',
  'withheld',
  'fewer-than-10-leavers',
  'no-data',
  'no-leavers',
  'not-yet-known',
] as const satisfies readonly MissingReason[]

export interface ChartValue {
  category: string
  series: string
  /** null when the value is suppressed or there is no data. Percent values are 0 to 100. */
  value: number | null
  reason?: MissingReason
}

export interface ChartSpec {
  /** Unique on the page: the prefix of every id inside the SVG. */
  id: string
  title: string
  /** Name of the categories, for example "Career SEND group". */
  categoryLabel: string
  /** Name of the measure, for example "Share of leavers". */
  valueLabel: string
  unit: ChartUnit
  /** Bar groups, drawn in this order from top to bottom. */
  categories: string[]
  /** One or more series. More than one gives a group of bars per category. */
  series: { key: string; label: string }[]
  values: ChartValue[]
  /** Text shown under the table, for example "Counts of 1 to 4 are not shown." */
  note?: string
  /**
   * Chart type: 'grouped' (the default) draws a bar per series, and 'stacked' splits one bar per
   * category into a segment per series, for a mix such as the outcomes of each group.
   */
  kind?: 'grouped' | 'stacked'
}

/** A govuk table cell, in the shape the govukTable macro takes. */
export interface ChartTableCell {
  text: string
  format?: 'numeric'
}

export interface ChartTable {
  caption: string
  head: ChartTableCell[]
  rows: ChartTableCell[][]
}

/** Input of the appChart macro: the spec's id, title and note with the rendered parts. */
export interface RenderedChart {
  id: string
  title: string
  note?: string
  /** SVG markup. Every label in it is escaped, so a template may mark it safe. */
  svg: string
  /** Plain-English sentences about the figures, also inside the SVG's <desc>. */
  summary: string
  table: ChartTable
}
