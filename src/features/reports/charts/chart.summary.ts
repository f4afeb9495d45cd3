// The words and numbers around a chart: value formatting, the summary sentences and the table.
import type {
  ChartSpec,
  ChartTable,
  ChartTableCell,
  ChartUnit,
  ChartValue,
  MissingReason,
} from './chart.types.js'

/** One bar position: a category and series pair, with the spec's value or no data. */
export interface ChartCell {
  category: string
  seriesIndex: number
  value: number | null
  reason: MissingReason
}

const countFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })
const percentFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })

/** Formats a value as the chart and the table show it: "1,204" or "45.5%". */
export function formatValue(value: number, unit: ChartUnit): string {
  return unit === 'percent' ? `${percentFormat.format(value)}%` : countFormat.format(value)
}

/**
 * Returns the text shown in place of a null value. Suppression withholds counts of 1 to 4 and any
 * percentage computed from a withheld count, so "fewer than 5" describes only a count.
 */
export function missingText(unit: ChartUnit, reason: MissingReason): string {
  if (reason === 'no-data') return 'no data'
  if (reason === 'no-leavers') return 'no leavers'
  if (reason === 'not-yet-known') return 'not yet known'
  if (reason === 'withheld') return 'withheld'
  if (reason === 'fewer-than-10-leavers') return 'withheld (fewer than 10 leavers)'
  return unit === 'count' ? 'fewer than 5' : 'withheld'
}

const WITHHELD = new Set<MissingReason>(['suppressed', 'withheld', 'fewer-than-10-leavers'])

/** Lists every category and series pair in drawing order. A pair without a value has no data. */
export function chartCells(spec: ChartSpec): ChartCell[] {
  const byPair = new Map<string, ChartValue>()
  for (const entry of spec.values) byPair.set(pairKey(entry.category, entry.series), entry)

  return spec.categories.flatMap((category) =>
    spec.series.map((series, seriesIndex): ChartCell => {
      const entry = byPair.get(pairKey(category, series.key))
      if (!entry) return { category, seriesIndex, value: null, reason: 'no-data' }
      return { category, seriesIndex, value: entry.value, reason: entry.reason ?? 'suppressed' }
    }),
  )
}

function pairKey(category: string, series: string): string {
  return JSON.stringify([category, series])
}

/** Formats a cell's value, or the text that replaces a null one. */
export function cellText(cell: ChartCell, unit: ChartUnit): string {
  return cell.value === null ? missingText(unit, cell.reason) : formatValue(cell.value, unit)
}

/**
 * Returns the sum of a category's values, or null when any of them is null. A sum of only the
 * shown parts would understate the real total, and a reader could take it as the real one.
 */
export function categoryTotal(cells: ChartCell[], category: string): number | null {
  let total = 0
  for (const cell of cells) {
    if (cell.category !== category) continue
    if (cell.value === null) return null
    total += cell.value
  }
  return total
}

/** Returns whether the chart prints a total per category, as a stacked count chart does. */
export function showsTotals(spec: ChartSpec): boolean {
  return spec.kind === 'stacked' && spec.unit === 'count'
}

/**
 * Builds the table of the chart's figures, in the shape the govukTable macro takes. A stacked
 * chart of counts gets a Total column with the totals its bars show.
 */
export function chartTable(spec: ChartSpec, cells: ChartCell[]): ChartTable {
  const head: ChartTableCell[] = [
    { text: spec.categoryLabel },
    ...spec.series.map((series): ChartTableCell => ({ text: series.label, format: 'numeric' })),
  ]
  if (showsTotals(spec)) head.push({ text: 'Total', format: 'numeric' })

  const rows = spec.categories.map((category) => {
    const row: ChartTableCell[] = [
      { text: category },
      ...cells
        .filter((cell) => cell.category === category)
        .map((cell): ChartTableCell => ({ text: cellText(cell, spec.unit), format: 'numeric' })),
    ]
    if (showsTotals(spec)) {
      const total = categoryTotal(cells, category)
      const text = total === null ? 'not shown' : formatValue(total, 'count')
      row.push({ text, format: 'numeric' })
    }
    return row
  })
  return { caption: spec.title, head, rows }
}

/**
 * Describes the figures in plain English: the largest and smallest values, the total of shown
 * counts, and how many values are withheld, not yet known or have no data.
 */
export function summariseChart(spec: ChartSpec, cells: ChartCell[]): string {
  if (spec.categories.length === 0) return 'There is no data for this chart.'

  const sentences = [...describeRange(spec, cells), ...describeTotals(spec, cells)]
  const cellsWithValue = cells.filter((cell) => cell.value !== null)
  if (spec.unit === 'count' && cellsWithValue.length > 1) {
    const total = cellsWithValue.reduce((sum, cell) => sum + (cell.value ?? 0), 0)
    sentences.push(`The counts shown add up to ${formatValue(total, 'count')}.`)
  }

  const withheld = cells.filter((cell) => cell.value === null && WITHHELD.has(cell.reason))
  const notYetKnown = cells.filter((cell) => cell.value === null && cell.reason === 'not-yet-known')
  const noData = cells.filter(
    (cell) => cell.value === null && !WITHHELD.has(cell.reason) && cell.reason !== 'not-yet-known',
  )
  const ofAll = `of the ${cells.length} ${cells.length === 1 ? 'value' : 'values'}`
  if (withheld.length > 0) {
    sentences.push(`${withheld.length} ${ofAll} ${withheld.length === 1 ? 'is' : 'are'} withheld.`)
  }
  if (notYetKnown.length > 0) {
    const verb = notYetKnown.length === 1 ? 'is' : 'are'
    sentences.push(`${notYetKnown.length} ${ofAll} ${verb} not yet known.`)
  }
  if (noData.length > 0) {
    sentences.push(`${noData.length} ${ofAll} ${noData.length === 1 ? 'has' : 'have'} no data.`)
  }
  return sentences.join(' ')
}

function describeRange(spec: ChartSpec, cells: ChartCell[]): string[] {
  const cellsWithValue = cells.filter((cell) => cell.value !== null)
  const noun = spec.unit === 'percent' ? 'share' : 'count'
  if (cellsWithValue.length === 0) return ['No values can be shown.']

  const values = cellsWithValue.map((cell) => cell.value ?? 0)
  const largest = Math.max(...values)
  const smallest = Math.min(...values)
  const namesOf = (value: number) =>
    listNames(
      cellsWithValue.filter((cell) => cell.value === value).map((cell) => cellName(spec, cell)),
    )
  if (cellsWithValue.length === 1) {
    return [
      `The only ${noun} shown is ${formatValue(largest, spec.unit)}, for ${namesOf(largest)}.`,
    ]
  }
  if (largest === smallest) {
    return [`All ${cellsWithValue.length} ${noun}s shown are ${formatValue(largest, spec.unit)}.`]
  }
  return [
    `The largest ${noun} is ${formatValue(largest, spec.unit)}, for ${namesOf(largest)}.`,
    `The smallest ${noun} is ${formatValue(smallest, spec.unit)}, for ${namesOf(smallest)}.`,
  ]
}

function describeTotals(spec: ChartSpec, cells: ChartCell[]): string[] {
  if (!showsTotals(spec)) return []

  const totals = spec.categories
    .map((category) => ({ category, total: categoryTotal(cells, category) }))
    .filter((entry): entry is { category: string; total: number } => entry.total !== null)
  if (totals.length < 2) return []

  const largest = Math.max(...totals.map((entry) => entry.total))
  const names = totals.filter((entry) => entry.total === largest).map((entry) => entry.category)
  return [`The largest total is ${formatValue(largest, 'count')}, for ${listNames(names)}.`]
}

function cellName(spec: ChartSpec, cell: ChartCell): string {
  if (spec.series.length === 1) return cell.category
  return `${cell.category} (${spec.series[cell.seriesIndex]?.label ?? ''})`
}

// Names at most three tied cells, so a sentence stays short when many values are equal.
function listNames(names: string[]): string {
  const named = names.slice(0, 3)
  const others = names.length - named.length
  if (others > 0) return `${named.join(', ')} and ${others} more`
  if (named.length === 1) return named[0] ?? ''
  return `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`
}
