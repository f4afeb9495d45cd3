// Checks each row of a destinations file: the student it names, the spell it describes, and
// whether the student has that spell already. Every problem of a row is reported at once,
// naming the column as written, the value and the fix.
import { parseCalendarDate } from '../../../domain/dates.js'
import { DESTINATION_TYPES, findDestinationType } from '../../../domain/destination-types.js'
import { MAX_HOURS_PER_WEEK } from '../../../domain/destinations.js'
import { destinationTypeForNccisCode, findNccisCode } from '../../../domain/nccis-codes.js'
import { codePointOf, matchKey } from '../../../domain/text.js'
import type { IsoDate } from '../../../domain/types.js'
import { parseUpn } from '../../../domain/upn.js'
import type { ImportIssue } from '../../import/import.types.js'
import { MAX_OTHER_LENGTH, quotePrefix } from '../../import/validate-cells.js'
import { checkSpell, spellMessages } from '../destination.check.js'
import type { SpellField, SpellInput } from '../destination.check.js'
import type { SpellValues } from '../destination.repository.js'
import type { DestinationCell, DestinationColumn, DestinationFileRow } from './destination-file.js'

/** A student of the school, as the row checks read them. */
export interface ImportStudent {
  id: number
  upn: string
  dateOfBirth: IsoDate
  hasEhcPlan: boolean
}

export type DestinationRowStatus = 'new' | 'unchanged' | 'rejected'

export interface CheckedDestinationRow {
  line: number
  upn: string | null
  studentId: number | null
  /** The row's cells as written, by column header. */
  input: Record<string, string>
  /** The spell to store for a new row, or null. */
  spell: SpellValues | null
  status: DestinationRowStatus
  errors: ImportIssue[]
  warnings: ImportIssue[]
}

export interface RowCheckContext {
  studentsByUpn: Map<string, ImportStudent>
  /** Keys of the spells already stored, from `spellKey`, with the full values of each. */
  storedSpells: Map<string, SpellValues>
  today: IsoDate
}

const SPELL_FIELD_COLUMN: Record<SpellField, DestinationColumn> = {
  intent: 'intent',
  type: 'type',
  startDate: 'startDate',
  endDate: 'endDate',
  hoursPerWeek: 'hoursPerWeek',
  paid: 'paid',
  provider: 'provider',
  checkedOn: 'checkedOn',
  nccisCode: 'nccisCode',
  reason: 'reason',
}

const PAID_WORDS: Record<string, boolean> = {
  yes: true,
  y: true,
  true: true,
  '1': true,
  paid: true,
  no: false,
  n: false,
  false: false,
  '0': false,
  unpaid: false,
}

const INTENT_WORDS: Record<string, 'intended' | 'actual'> = {
  actual: 'actual',
  a: 'actual',
  intended: 'intended',
  intent: 'intended',
  i: 'intended',
  planned: 'intended',
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u

/** Identifies a student's spell by student, intent, type and start date. */
export function spellKey(
  studentId: number,
  values: Pick<SpellValues, 'intent' | 'type' | 'startDate'>,
) {
  return `${studentId}|${values.intent}|${values.type}|${values.startDate}`
}

function sameValues(a: SpellValues, b: SpellValues): boolean {
  return (Object.keys(a) as (keyof SpellValues)[]).every(
    (key) => (a[key] ?? null) === (b[key] ?? null),
  )
}

class RowIssues {
  readonly errors: ImportIssue[] = []
  readonly warnings: ImportIssue[] = []

  error(cell: DestinationCell | null, message: string) {
    this.errors.push({ column: cell?.column ?? null, value: cell?.text ?? null, message })
  }

  warn(cell: DestinationCell | null, message: string) {
    this.warnings.push({ column: cell?.column ?? null, value: cell?.text ?? null, message })
  }
}

function filled(cell: DestinationCell | undefined): cell is DestinationCell {
  return cell !== undefined && cell.text.trim() !== ''
}

/** Rejects cells that are too long or contain a control character. Returns false on a problem. */
function checkCells(row: DestinationFileRow, issues: RowIssues): boolean {
  let ok = true
  for (const cell of Object.values(row.cells)) {
    if (!cell || cell.kind !== 'text') continue
    if (cell.text.length > MAX_OTHER_LENGTH) {
      issues.error(
        { ...cell, text: quotePrefix(cell.text) },
        `${cell.column} on line ${row.line} is longer than ${MAX_OTHER_LENGTH} characters. Shorten it and import the file again.`,
      )
      ok = false
    } else {
      const control = CONTROL_CHARACTER.exec(cell.text)?.[0]
      if (control === undefined) continue
      issues.error(
        cell,
        `${cell.column} on line ${row.line} contains the control character ${codePointOf(control)}. Retype the cell and import the file again.`,
      )
      ok = false
    }
  }
  return ok
}

function readStudent(row: DestinationFileRow, issues: RowIssues, context: RowCheckContext) {
  const cell = row.cells.upn
  if (!filled(cell)) {
    issues.error(cell ?? null, `UPN is empty on line ${row.line}. Enter the student's UPN.`)
    return { upn: null, student: null }
  }
  const parsed = parseUpn(cell.text)
  if (!parsed.ok) {
    issues.error(cell, parsed.error.replace(/^UPN/, cell.column))
    return { upn: cell.text.trim(), student: null }
  }
  const { upn } = parsed.value
  parsed.warnings.forEach((warning) => issues.warn(cell, warning))
  const student = context.studentsByUpn.get(upn) ?? null
  if (!student) {
    issues.error(
      cell,
      `${cell.column} "${cell.text}" is not a student of this school. Check the UPN, or import the register with this student first.`,
    )
  }
  return { upn, student }
}

function typeIdFrom(text: string): string | null {
  const slug = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
  if (findDestinationType(slug)) return slug
  const key = matchKey(text)
  return DESTINATION_TYPES.find((type) => matchKey(type.label) === key)?.id ?? null
}

/** A type cell of three digits is read as an NCCIS code, because no type id or label is digits. */
const NCCIS_CODE_PATTERN = /^\d{3}$/

/**
 * Reads the type from its id or label, or from the NCCIS code when the type cell is empty or is
 * itself an NCCIS code.
 */
function readType(row: DestinationFileRow, issues: RowIssues) {
  const typeCell = row.cells.type
  const codeCell = row.cells.nccisCode
  const code = filled(codeCell) ? codeCell.text.trim() : ''
  if (code !== '' && !findNccisCode(code)) {
    issues.error(
      codeCell ?? null,
      `${codeCell?.column} "${code}" is not an NCCIS code. Enter a three-digit code such as 230, or leave it empty.`,
    )
  }

  if (filled(typeCell) && NCCIS_CODE_PATTERN.test(typeCell.text.trim())) {
    return readTypeCellCode(typeCell, code, codeCell, issues)
  }
  if (filled(typeCell)) {
    const id = typeIdFrom(typeCell.text)
    if (id) return { type: id, nccisCode: code }
    issues.error(
      typeCell,
      `${typeCell.column} "${typeCell.text}" is not a destination type. Enter a type id such as further-education-college, apprenticeship or not-known, or an NCCIS code such as 230.`,
    )
    return { type: null, nccisCode: code }
  }
  if (code === '') {
    const column = row.cells.type?.column ?? row.cells.nccisCode?.column ?? 'Destination Type'
    issues.error(
      null,
      `${column} is empty on line ${row.line}. Enter a destination type id or an NCCIS code.`,
    )
    return { type: null, nccisCode: code }
  }
  const fromCode = destinationTypeForNccisCode(code)
  if (!fromCode && findNccisCode(code)) {
    issues.error(
      codeCell ?? null,
      `${codeCell?.column} "${code}" fits no one destination type. Add a Destination Type column with the type id for this row.`,
    )
  }
  return { type: fromCode, nccisCode: code }
}

/** Reads an NCCIS code written in the type column, checking it against any NCCIS code column. */
function readTypeCellCode(
  typeCell: DestinationCell,
  code: string,
  codeCell: DestinationCell | undefined,
  issues: RowIssues,
) {
  const typed = typeCell.text.trim()
  if (code !== '' && code !== typed) {
    issues.error(
      typeCell,
      `${typeCell.column} "${typed}" is read as an NCCIS code, but ${codeCell?.column} gives another code, "${code}". Keep the right code in one column, or enter the destination type id in ${typeCell.column}.`,
    )
    return { type: null, nccisCode: code }
  }
  const known = findNccisCode(typed)
  if (!known) {
    issues.error(
      typeCell,
      `${typeCell.column} "${typed}" is not an NCCIS code or a destination type. Enter an NCCIS code from the list, such as 230, or a type id such as further-education-college.`,
    )
    return { type: null, nccisCode: typed }
  }
  const fromCode = destinationTypeForNccisCode(typed)
  if (!fromCode) {
    issues.error(
      typeCell,
      `${typeCell.column} "${typed}" is the NCCIS code for ${known.label}, which fits no one destination type. Enter the destination type id in ${typeCell.column} and put the code in an NCCIS Code column.`,
    )
  }
  return { type: fromCode, nccisCode: typed }
}

function readDate(cell: DestinationCell | undefined, issues: RowIssues): string | undefined {
  if (!filled(cell)) return undefined
  if (cell.kind === 'date') return cell.text
  const parsed = parseCalendarDate(cell.text)
  if (!parsed.ok) {
    issues.error(cell, parsed.error.replace(/^Date/, cell.column))
    return undefined
  }
  return parsed.value
}

function readHours(cell: DestinationCell | undefined, issues: RowIssues): number | undefined {
  if (!filled(cell)) return undefined
  const text = cell.text.trim()
  if (/^-\s*\d/.test(text)) {
    issues.error(
      cell,
      `${cell.column} "${cell.text}" cannot be negative. Enter the usual hours in one week, from 0 to ${MAX_HOURS_PER_WEEK}, like 16 or 37.5.`,
    )
    return undefined
  }
  if (!/^\d{1,3}(\.\d+)?$/.test(text)) {
    issues.error(
      cell,
      `${cell.column} "${cell.text}" is not a number of hours. Enter the usual hours in one week, like 16 or 37.5.`,
    )
    return undefined
  }
  return Number(text)
}

function readPaid(cell: DestinationCell | undefined, issues: RowIssues): boolean | undefined {
  if (!filled(cell)) return undefined
  const paid = PAID_WORDS[cell.text.trim().toLowerCase()]
  if (paid === undefined) {
    issues.error(
      cell,
      `${cell.column} "${cell.text}" is not yes or no. Enter yes for paid, no for unpaid, or leave it empty.`,
    )
  }
  return paid
}

function readIntent(cell: DestinationCell | undefined, issues: RowIssues): string {
  if (cell === undefined) return 'actual'
  if (cell.text.trim() === '') {
    issues.warn(cell, `${cell.column} is empty, so the destination was read as actual.`)
    return 'actual'
  }
  const intent = INTENT_WORDS[cell.text.trim().toLowerCase()]
  if (intent) return intent
  issues.error(
    cell,
    `${cell.column} "${cell.text}" is not intended or actual. Enter intended or actual.`,
  )
  return ''
}

function inputOf(row: DestinationFileRow): Record<string, string> {
  return Object.fromEntries(Object.values(row.cells).map((cell) => [cell.column, cell.text]))
}

/** Checks one row against the school's students and spells. */
export function checkDestinationRow(
  row: DestinationFileRow,
  context: RowCheckContext,
): CheckedDestinationRow {
  const issues = new RowIssues()
  const base = { line: row.line, input: inputOf(row), spell: null }
  if (!checkCells(row, issues)) {
    const upn = row.cells.upn?.text.trim() || null
    return { ...base, upn, studentId: null, status: 'rejected', ...issues }
  }

  const { upn, student } = readStudent(row, issues, context)
  const { type, nccisCode } = readType(row, issues)
  const input: SpellInput = {
    intent: readIntent(row.cells.intent, issues),
    type: type ?? '',
    nccisCode,
    provider: row.cells.provider?.text ?? '',
    reason: row.cells.reason?.text ?? '',
  }
  const startDate = readDate(row.cells.startDate, issues)
  const endDate = readDate(row.cells.endDate, issues)
  const checkedOn = readDate(row.cells.checkedOn, issues)
  const hoursPerWeek = readHours(row.cells.hoursPerWeek, issues)
  const paid = readPaid(row.cells.paid, issues)
  if (startDate) input.startDate = startDate
  if (endDate) input.endDate = endDate
  if (checkedOn) input.checkedOn = checkedOn
  if (hoursPerWeek !== undefined) input.hoursPerWeek = hoursPerWeek
  if (paid !== undefined) input.paid = paid

  const studentId = student?.id ?? null
  if (!student || issues.errors.length > 0) {
    return { ...base, upn, studentId, status: 'rejected', ...issues }
  }
  const checked = checkSpell(input, student, context.today)
  if (!checked.ok) {
    for (const problem of checked.problems) {
      const cell = row.cells[SPELL_FIELD_COLUMN[problem.field]] ?? null
      const message = problem.message.replace(
        'Enter the reason in "Reason for recording this destination".',
        'Give the reason in a Reason column.',
      )
      issues.error(cell, message)
    }
    return { ...base, upn, studentId, status: 'rejected', ...issues }
  }

  const stored = context.storedSpells.get(spellKey(student.id, checked.values))
  if (stored && sameValues(stored, checked.values)) {
    return { ...base, upn, studentId, status: 'unchanged', ...issues }
  }
  if (stored) {
    issues.error(
      null,
      `${spellMessages.duplicate(checked.values.intent)}, with different details. Change it on the student's destinations page, or remove this row.`,
    )
    return { ...base, upn, studentId, status: 'rejected', ...issues }
  }
  return { ...base, upn, studentId, spell: checked.values, status: 'new', ...issues }
}

/**
 * Compares the rows with each other. A row that repeats an earlier row exactly is marked
 * unchanged with a warning. Rows that give the same spell different details are all rejected,
 * each naming the other line, because it is not clear which one is right.
 */
export function checkRepeats(rows: CheckedDestinationRow[]): void {
  const first = new Map<string, { row: CheckedDestinationRow; values: SpellValues }>()
  for (const row of rows) {
    if (row.status !== 'new' || !row.spell || row.studentId === null) continue
    const key = spellKey(row.studentId, row.spell)
    const earlier = first.get(key)
    if (!earlier) {
      first.set(key, { row, values: row.spell })
      continue
    }

    if (sameValues(earlier.values, row.spell)) {
      row.status = 'unchanged'
      row.spell = null
      const message = `This row repeats line ${earlier.row.line} exactly, so the destination is imported once.`
      row.warnings.push({ column: null, value: null, message })
      continue
    }
    for (const [rejected, other] of [
      [row, earlier.row],
      [earlier.row, row],
    ] as const) {
      rejected.status = 'rejected'
      rejected.spell = null
      rejected.errors.push({
        column: null,
        value: null,
        message: `Line ${other.line} gives the same student, destination and start date with different details. Keep the correct row and remove the other.`,
      })
    }
  }
}
