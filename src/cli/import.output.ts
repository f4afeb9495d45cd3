import type { ImportPreview, PreviewRow } from '../features/import/import.types.js'

interface SchoolRef {
  id: number
  name: string
}

/**
 * Prints a preview's heading and every row, and returns a function that prints the ending once
 * the caller knows whether the rows were committed.
 */
export type PreviewPrinter = (
  preview: ImportPreview,
  school: SchoolRef,
  rows: AsyncIterable<PreviewRow>,
) => Promise<(committed: boolean) => void>

/** Converts one row to the documented JSON of `send-careers import --format json`. */
function rowAsJson(row: PreviewRow) {
  return {
    line: row.line,
    key: row.key?.value ?? null,
    keyKind: row.key?.kind ?? null,
    status: row.status,
    changedFields: row.changedFields,
    errors: row.errors,
    warnings: row.warnings,
  }
}

/** Writes the preview as one JSON object, streaming the rows so a large file is not held whole. */
export const printJsonPreview: PreviewPrinter = async (preview, school, rows) => {
  const head = {
    school: { id: school.id, name: school.name },
    fileName: preview.fileName,
    format: preview.format,
    summary: preview.summary,
    unknownColumns: preview.unknownColumns,
    fileWarnings: preview.fileWarnings,
    notInFile: preview.notInFile.map((student) => student.key),
    notInFileCount: preview.notInFile.length + preview.notInFileLeftOut,
  }
  const opening = JSON.stringify(head, null, 2).replace(/\n}$/, ',\n  "rows": [')
  process.stdout.write(opening)

  let first = true
  for await (const row of rows) {
    process.stdout.write(`${first ? '\n' : ',\n'}    ${JSON.stringify(rowAsJson(row))}`)
    first = false
  }
  return (committed) => process.stdout.write(`\n  ],\n  "committed": ${committed}\n}\n`)
}

export const printTextPreview: PreviewPrinter = async (preview, school, rows) => {
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

  const rejected: string[] = []
  const warnings: string[] = []
  for await (const row of rows) {
    for (const issue of row.errors) rejected.push(`  Line ${row.line}: ${issue.message}`)
    for (const issue of row.warnings) warnings.push(`  Line ${row.line}: ${issue.message}`)
  }
  printSection('Rejected rows', rejected)
  printSection('Warnings', warnings)

  const notInFile = preview.notInFile.length + preview.notInFileLeftOut
  if (notInFile > 0) {
    console.log(
      `\n${notInFile} stored students are not in this file. They are kept and listed as ` +
        '"not in the latest import" for staff to mark as left.',
    )
  }
  return (committed) => console.log(committed ? '\nImported.' : '\nDry run: nothing was written.')
}

function printSection(title: string, lines: string[]): void {
  if (lines.length === 0) return
  console.log(`\n${title}:`)
  for (const line of lines) console.log(line)
}
