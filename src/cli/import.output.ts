import type { ImportIssue, ImportPreview, PreviewRow } from '../features/import/import.types.js'

interface SchoolRef {
  id: number
  name: string
}

/** The import preview as the documented JSON of `send-careers import --format json`. */
export function previewAsJson(preview: ImportPreview, school: SchoolRef, committed: boolean) {
  return {
    school: { id: school.id, name: school.name },
    fileName: preview.fileName,
    format: preview.format,
    committed,
    summary: preview.summary,
    unknownColumns: preview.unknownColumns,
    fileWarnings: preview.fileWarnings,
    rows: preview.rows.map((row) => ({
      line: row.line,
      key: row.key?.value ?? null,
      keyKind: row.key?.kind ?? null,
      status: row.status,
      changedFields: row.changedFields,
      errors: row.errors,
      warnings: row.warnings,
    })),
    notInFile: preview.notInFile.map((student) => student.key),
  }
}

export function printPreview(preview: ImportPreview, school: SchoolRef, committed: boolean): void {
  const { summary } = preview
  const accepted = summary.new + summary.updated + summary.unchanged
  console.log(`${preview.fileName} (${preview.format.toUpperCase()}) for ${school.name}`)
  console.log(
    `${accepted} rows accepted: ${summary.new} new, ${summary.updated} updated, ` +
      `${summary.unchanged} unchanged. ${summary.rejected} rejected. ${summary.warnings} with warnings.`,
  )
  for (const warning of preview.fileWarnings) console.log(`File: ${warning}`)
  if (preview.unknownColumns.length > 0) {
    console.log(`Columns not used: ${preview.unknownColumns.join(', ')}`)
  }

  printIssues(
    'Rejected rows',
    preview.rows.filter((row) => row.status === 'rejected'),
    (row) => row.errors,
  )
  printIssues('Warnings', preview.rows, (row) => row.warnings)

  if (preview.notInFile.length > 0) {
    console.log(
      `\n${preview.notInFile.length} stored students are not in this file. They are kept and ` +
        'listed as "not in the latest import" for staff to mark as left.',
    )
  }
  console.log(committed ? '\nImported.' : '\nDry run: nothing was written.')
}

function printIssues(
  title: string,
  rows: PreviewRow[],
  issuesOf: (row: PreviewRow) => ImportIssue[],
) {
  const lines = rows.flatMap((row) =>
    issuesOf(row).map((issue) => `  Line ${row.line}: ${issue.message}`),
  )
  if (lines.length === 0) return
  console.log(`\n${title}:`)
  for (const line of lines) console.log(line)
}
