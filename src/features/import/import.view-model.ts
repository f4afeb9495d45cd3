// Shapes an import preview and an import result for the import pages.
import { z } from 'zod'

import type { School } from '../students/school.repository.js'
import type { StudentField } from '../students/student.js'
import type { ImportResult, SavedImportPreview } from './import.service.js'
import type { ImportIssue, PreviewRow, RowStatus } from './import.types.js'

const STATUS_LABELS: Record<RowStatus, string> = {
  new: 'New',
  updated: 'Updated',
  unchanged: 'Unchanged',
  rejected: 'Rejected',
}

const FIELD_LABELS: Record<StudentField, string> = {
  upn: 'UPN',
  uln: 'ULN',
  misId: 'MIS id',
  formerUpn: 'Former UPN',
  legalSurname: 'legal surname',
  legalForename: 'legal forename',
  preferredSurname: 'preferred surname',
  preferredForename: 'preferred forename',
  dateOfBirth: 'date of birth',
  ncYear: 'year group',
  provisionCode: 'SEN provision',
  primaryNeed: 'primary need',
  secondaryNeed: 'secondary need',
  ehcPlanStartDate: 'EHC plan start date',
  ehcPlanReviewDate: 'EHC plan review date',
  pathway: 'qualification pathway',
}

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
})

function issueRows(row: PreviewRow) {
  const toView = (issue: ImportIssue, kind: 'Error' | 'Warning') => ({
    line: row.line,
    status: STATUS_LABELS[row.status],
    kind,
    column: issue.column ?? 'Whole row',
    // Quotes make leading and trailing spaces visible.
    value: issue.value === null ? '' : `"${issue.value}"`,
    message: issue.message,
  })
  return [
    ...row.errors.map((issue) => toView(issue, 'Error')),
    ...row.warnings.map((issue) => toView(issue, 'Warning')),
  ]
}

function changedRows(rows: PreviewRow[]) {
  return rows
    .filter((row) => row.status === 'updated')
    .map((row) => ({
      line: row.line,
      key: row.key?.value ?? '',
      fields: row.changedFields.map((field) => FIELD_LABELS[field]).join(', '),
    }))
}

/** Returns the template context of the preview page. */
export function previewContext(preview: SavedImportPreview, schools: School[]) {
  const school = schools.find((candidate) => candidate.id === preview.schoolId)
  const toWrite = preview.summary.new + preview.summary.updated
  return {
    pageTitle: 'Check the import before you confirm it',
    preview,
    schoolName: school?.name ?? `School ${preview.schoolId}`,
    issues: preview.rows.flatMap(issueRows),
    changes: changedRows(preview.rows),
    toWrite,
    expiresAt: LONDON_TIME.format(new Date(preview.expiresAt)),
  }
}

const count = z.coerce.number().int().min(0).catch(0)

export const completeQuerySchema = z.object({
  new: count,
  updated: count,
  unchanged: count,
  rejected: count,
  notInLatest: count,
})

/** Builds the result page's address. It contains only counts, so no personal data. */
export function completeUrl(result: ImportResult): string {
  const params = new URLSearchParams({
    new: String(result.summary.new),
    updated: String(result.summary.updated),
    unchanged: String(result.summary.unchanged),
    rejected: String(result.summary.rejected),
    notInLatest: String(result.markedNotInLatest),
  })
  return `/import/complete?${params.toString()}`
}
