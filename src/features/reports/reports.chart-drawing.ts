// Draws a report's chart data with the shared chart renderer.
import { renderChart } from './charts/chart.render.js'
import type { ChartSpec } from './charts/chart.types.js'
import type { ReportChart, ReportChartDrawing } from './reports.charts.js'

/** Converts a report chart to the renderer's spec, naming the series `s0`, `s1` and so on. */
export function toChartSpec(chart: ReportChart, suppressed: boolean): ChartSpec {
  const series = chart.series.map((item, index) => ({ key: `s${index}`, label: item.name }))
  return {
    id: `chart-${chart.id}`,
    title: chart.title,
    categoryLabel: chart.categoryLabel,
    valueLabel: chart.valueLabel,
    unit: chart.unit,
    categories: chart.categories,
    series,
    values: chart.series.flatMap((item, index) =>
      chart.categories.map((category, position) => {
        const value = item.values[position] ?? null
        // Without a reason given, a missing value in a report with withheld figures may also be
        // a category with no leavers. The table beside the chart shows which.
        const reason =
          item.reasons?.[position] ?? (suppressed ? ('suppressed' as const) : ('no-data' as const))
        return { category, series: `s${index}`, value, ...(value === null ? { reason } : {}) }
      }),
    ),
    ...(suppressed
      ? {
          note: 'Counts from 1 to 4, figures that would give them away and the shares of rows with fewer than 10 leavers are not shown.',
        }
      : {}),
  }
}

/**
 * Draws the chart as SVG. A spec the renderer rejects gives an error text in place of a drawing,
 * so one bad chart leaves the page and its tables readable.
 */
export function drawReportChart(chart: ReportChart, suppressed: boolean): ReportChartDrawing {
  try {
    return { svg: renderChart(toChartSpec(chart, suppressed)).svg }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}
