// Shapes an import preview and an import result for the import pages.
import type { School } from '../students/school.repository.js'
import type { StudentField } from '../students/student.js'
import type { SavedImportPreview, StoredImport } from './import.service.js'
import type { ImportIssue, PreviewRow, RowStatus } from './import.types.js'

/** Rows whose problems the preview page lists at most. The CSV download has every one. */
export const PAGE_PROBLEM_ROWS = 500
/** Students not in the file that the preview page lists at most. */
export const PAGE_NOT_IN_FILE = 100

/** Writes a count with its noun, singular for 1: "1 student", "2 students", "1,500 rows". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? singular : plural}`
}

export const STATUS_LABELS: Record<RowStatus, string> = {
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

/** Lists a row's errors, then its warnings, one entry each. */
export function issueRows(row: PreviewRow) {
  const toView = (issue: ImportIssue, kind: 'Error' | 'Warning') => ({
    line: row.line,
    status: STATUS_LABELS[row.status],
    kind,
    column: issue.column ?? 'Whole row',
    // Quotes make leading and trailing spaces visible.
    value: issue.value === null ? '' : `"${issue.value}"`,
    rawValue: issue.value ?? '',
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
  const problemRows = preview.rows
    .filter((row) => row.errors.length + row.warnings.length > 0)
    .slice(0, PAGE_PROBLEM_ROWS)
  const notInFileTotal = preview.notInFile.length + preview.notInFileLeftOut
  const notInFile = preview.notInFile.slice(0, PAGE_NOT_IN_FILE)
  return {
    pageTitle: 'Check the import before you confirm it',
    preview,
    schoolName: school?.name ?? `School ${preview.schoolId}`,
    issues: problemRows.flatMap(issueRows),
    problemRowsLeftOut: describeLeftOut(preview.rowsWithMessages - problemRows.length),
    problemRowCount: countOf(preview.rowsWithMessages, 'row'),
    changes: changedRows(preview.rows),
    toWrite: countOf(toWrite, 'student'),
    notInFile,
    notInFileCount: countOf(notInFileTotal, 'student'),
    notInFileLeftOut: notInFileTotal - notInFile.length,
    notInFileLeftOutText: countOf(notInFileTotal - notInFile.length, 'more student'),
    expiresAt: LONDON_TIME.format(new Date(preview.expiresAt)),
  }
}

function describeLeftOut(count: number): string | null {
  if (count <= 0) return null
  const rows = count === 1 ? '1 more row has' : `${count.toLocaleString('en-GB')} more rows have`
  return `${rows} problems not shown here.`
}

/** Returns the template context of the result page of a committed import. */
export function completeContext(record: StoredImport) {
  const { summary } = record
  return {
    pageTitle: 'Import complete',
    record,
    written: `${countOf(summary.new + summary.updated, 'student')} written`,
  }
}

/** Builds the address of the result page of a committed import. */
export function completeUrl(importId: number): string {
  return `/import/complete/${importId}`
}
