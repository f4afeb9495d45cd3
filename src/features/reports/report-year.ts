import type { AcademicYear } from '../../domain/academic-year.js'
import {
  FIRST_PLANNING_YEAR,
  formatAcademicYear,
  parseAcademicYear,
} from '../../domain/academic-year.js'
import type { Parsed } from '../../domain/types.js'

/**
 * Reads a requested leaving year: none gives the default year, and one that is not a year from
 * 2014/15 to the current year is rejected with a message saying what to enter.
 */
export function parseReportYear(
  raw: unknown,
  defaultYear: AcademicYear,
  currentYear: AcademicYear,
): Parsed<AcademicYear> {
  if (raw === undefined || raw === '') return { ok: true, value: defaultYear, warnings: [] }
  if (typeof raw !== 'string') {
    return { ok: false, error: 'Leaving year must be given once, like 2025/26.' }
  }
  const parsed = parseAcademicYear(raw)
  if (!parsed.ok) return { ok: false, error: `Leaving year is not valid. ${parsed.error}` }
  if (parsed.value < FIRST_PLANNING_YEAR || parsed.value > currentYear) {
    const range = `${formatAcademicYear(FIRST_PLANNING_YEAR)} to ${formatAcademicYear(currentYear)}`
    return {
      ok: false,
      error: `Leaving year ${formatAcademicYear(parsed.value)} is outside the years reported. Choose a year from ${range}.`,
    }
  }
  return parsed
}
