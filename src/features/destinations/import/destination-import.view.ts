// Builds the destinations preview page: the counts, and one table row per file row with its
// result and every message.
import { formatLongDate } from '../../../domain/format.js'
import type { ImportIssue } from '../../import/import.types.js'
import { typeLabel } from '../destinations.view.js'
import type { DestinationPreview } from './destination-import.service.js'
import type { StoredDestinationRow } from './destination-import.repository.js'

const STATUS_TEXT = {
  new: 'New',
  unchanged: 'Unchanged duplicate',
  rejected: 'Rejected',
} as const

const STATUS_TAG = {
  new: 'govuk-tag--green',
  unchanged: 'govuk-tag--grey',
  rejected: 'govuk-tag--red',
} as const

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
}

/**
 * Returns an issue's text. Row messages name the column and quote the value themselves, except
 * the spell rules' messages, which name the field in words and give the value read.
 */
export function issueText(issue: ImportIssue): string {
  return issue.message
}

function rowCells(row: StoredDestinationRow) {
  const messages = [
    ...row.errors.map((issue) => `Error: ${issueText(issue)}`),
    ...row.warnings.map((issue) => `Warning: ${issueText(issue)}`),
  ]
  const spell = row.spell
    ? `${typeLabel(row.spell.type)} (${row.spell.intent}) from ${formatLongDate(row.spell.startDate)}`
    : ''
  return [
    { text: String(row.line) },
    { text: row.upn ?? 'None' },
    {
      html: `<strong class="govuk-tag ${STATUS_TAG[row.status]}">${STATUS_TEXT[row.status]}</strong>`,
    },
    {
      html: [spell, ...messages].filter(Boolean).map(escapeHtml).join('<br>') || 'No problems',
      classes: 'app-table__cell--prose',
    },
  ]
}

function rowsAre(count: number): string {
  return count === 1 ? '1 row is' : `${count} rows are`
}

/** Returns the import button's text, with the count of new destinations it writes. */
export function commitButtonText(newCount: number): string {
  return newCount === 1 ? 'Import 1 new destination' : `Import ${newCount} new destinations`
}

/** Explains why a preview with no new row has no import button. */
export function nothingToImportText(summary: DestinationPreview['summary']): string {
  const parts = ['No row of this file is a new destination, so there is nothing to import.']
  if (summary.unchanged > 0) {
    parts.push(`${rowsAre(summary.unchanged)} already recorded or repeated in the file.`)
  }
  if (summary.rejected > 0) {
    const them = summary.rejected === 1 ? 'it' : 'them'
    parts.push(
      `${rowsAre(summary.rejected)} rejected: fix ${them} in the file and upload it again.`,
    )
  }
  return parts.join(' ')
}

export function previewPageContext(preview: DestinationPreview, schoolName: string) {
  const { summary } = preview
  return {
    pageTitle: 'Check the destinations before importing',
    preview,
    schoolName,
    commitText: summary.new > 0 ? commitButtonText(summary.new) : null,
    nothingToImport: summary.new > 0 ? null : nothingToImportText(summary),
    summaryRows: [
      { key: { text: 'New destinations' }, value: { text: String(summary.new) } },
      { key: { text: 'Unchanged duplicates' }, value: { text: String(summary.unchanged) } },
      { key: { text: 'Rows rejected' }, value: { text: String(summary.rejected) } },
      { key: { text: 'Rows with warnings' }, value: { text: String(summary.warnings) } },
    ],
    rows: {
      head: [{ text: 'Line' }, { text: 'UPN' }, { text: 'Result' }, { text: 'Details' }],
      rows: preview.rows.map(rowCells),
    },
  }
}
