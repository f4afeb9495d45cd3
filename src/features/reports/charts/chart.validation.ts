import { z } from 'zod'

import { PALETTE } from './chart.palette.js'
import { MISSING_REASONS } from './chart.types.js'
import type { ChartSpec } from './chart.types.js'

// Ids inside the SVG and the url(#...) references to its patterns are built from spec.id, so it
// is limited to characters that need no escaping in either.
const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/

const labelSchema = z.string().trim().min(1)

const chartSpecSchema = z
  .object({
    id: z
      .string()
      .regex(ID_PATTERN, 'must start with a letter and contain only A-Z, a-z, 0-9, _ and -'),
    title: labelSchema,
    categoryLabel: labelSchema,
    valueLabel: labelSchema,
    unit: z.enum(['count', 'percent']),
    categories: z.array(labelSchema),
    series: z
      .array(z.object({ key: z.string().min(1), label: labelSchema }))
      .min(1)
      .max(PALETTE.length),
    values: z.array(
      z.object({
        category: z.string(),
        series: z.string(),
        value: z.number().finite().min(0).nullable(),
        reason: z.enum(MISSING_REASONS).optional(),
      }),
    ),
    note: z.string().optional(),
    kind: z.enum(['grouped', 'stacked']).optional(),
  })
  .superRefine((spec, context) => {
    const categories = new Set(spec.categories)
    const seriesKeys = new Set(spec.series.map((series) => series.key))
    if (categories.size !== spec.categories.length) {
      context.addIssue({ code: 'custom', path: ['categories'], message: 'contains a duplicate' })
    }
    if (seriesKeys.size !== spec.series.length) {
      context.addIssue({ code: 'custom', path: ['series'], message: 'contains a duplicate key' })
    }

    const seen = new Set<string>()
    spec.values.forEach((entry, index) => {
      const path = ['values', index]
      if (!categories.has(entry.category)) {
        context.addIssue({
          code: 'custom',
          path,
          message: `category "${entry.category}" is not in categories`,
        })
      }
      if (!seriesKeys.has(entry.series)) {
        context.addIssue({
          code: 'custom',
          path,
          message: `series "${entry.series}" is not in series`,
        })
      }
      const cell = JSON.stringify([entry.category, entry.series])
      if (seen.has(cell)) {
        context.addIssue({ code: 'custom', path, message: 'repeats a category and series pair' })
      }
      seen.add(cell)
      if (entry.value === null) return
      if (spec.unit === 'count' && !Number.isInteger(entry.value)) {
        context.addIssue({
          code: 'custom',
          path,
          message: `count ${entry.value} is not a whole number`,
        })
      }
      if (spec.unit === 'percent' && entry.value > 100) {
        context.addIssue({ code: 'custom', path, message: `percent ${entry.value} is over 100` })
      }
    })
  })

/**
 * Checks a chart spec and throws an error listing every problem, because a spec that breaks these
 * rules is a bug in the report that built it, not something a user can correct.
 */
export function assertValidChartSpec(spec: ChartSpec): void {
  const result = chartSpecSchema.safeParse(spec)
  if (result.success) return

  const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`)
  throw new Error(`Invalid chart spec "${String(spec.id)}": ${problems.join('; ')}.`)
}
