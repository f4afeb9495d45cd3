// Reads a row's SEN provision and needs. With census type and rank pairs, the rank value decides
// which need is primary, not the order of the columns.

import { needProvisionWarning, parseProvision, provisionOf } from '../../domain/census.js'
import type { NeedCodeList } from '../../domain/census.js'
import type { ProvisionCode } from '../../domain/types.js'
import { isBlank, type Cell, type RowCells } from './row-cells.js'

export interface SenFields {
  provisionCode: ProvisionCode
  primaryNeed: string | null
  secondaryNeed: string | null
}

interface NeedSlot {
  code: string | null
  cell: Cell | null
  rank: number | null
  rankCell: Cell | null
}

const RANK_HELP = 'Enter 1 for the primary need or 2 for the secondary need.'

export function readSen(row: RowCells, needCodes: NeedCodeList): SenFields {
  const { provisionCode, valid } = readProvision(row)
  const first = readNeed(row, needCodes, 'primaryNeed', 'primaryNeedRank')
  const second = readNeed(row, needCodes, 'secondaryNeed', 'secondaryNeedRank')
  const [primary, secondary] = orderByRank(row, first, second)

  const fields = { provisionCode, primaryNeed: primary.code, secondaryNeed: secondary.code }
  // An invalid provision already rejects the row, and its stand-in N would warn about each need.
  if (valid) warnAboutFit(row, fields, primary, secondary)
  return fields
}

// An empty provision is imported as N with a warning, so the student stays in planning. An
// invalid one is N too, with `valid` false, because the error rejects the row.
function readProvision(row: RowCells): { provisionCode: ProvisionCode; valid: boolean } {
  if (row.isRejected('provisionCode')) return { provisionCode: 'N', valid: false }
  const cell = row.read('provisionCode')
  if (cell === null) return { provisionCode: 'N', valid: true }
  if (isBlank(cell)) {
    row.warn(
      cell,
      `${cell.column} is empty, so the student was imported with no SEN (N). ` +
        'Enter N, K or E if that is wrong.',
    )
    return { provisionCode: 'N', valid: true }
  }

  const parsed = parseProvision(cell.text)
  if (!parsed.ok) {
    row.error(cell, parsed.error)
    return { provisionCode: 'N', valid: false }
  }
  parsed.warnings.forEach((warning) => row.warn(cell, warning))
  return { provisionCode: parsed.value, valid: true }
}

function readNeed(
  row: RowCells,
  needCodes: NeedCodeList,
  target: 'primaryNeed' | 'secondaryNeed',
  rankTarget: 'primaryNeedRank' | 'secondaryNeedRank',
): NeedSlot {
  const cell = row.read(target)
  const rankCell = row.read(rankTarget)
  const slot: NeedSlot = { code: null, cell, rank: null, rankCell }
  if (cell === null || isBlank(cell)) return slot

  const parsed = needCodes.parseNeed(cell.text)
  if (!parsed.ok) {
    row.error(cell, parsed.error)
    return slot
  }
  parsed.warnings.forEach((warning) => row.warn(cell, warning))
  slot.code = parsed.value?.code ?? null
  slot.rank = slot.code === null ? null : readRank(row, rankCell)
  return slot
}

function readRank(row: RowCells, cell: Cell | null): number | null {
  if (cell === null || isBlank(cell)) return null
  const text = cell.text.trim()
  if (text === '1' || text === '2') return Number(text)
  row.error(cell, `${cell.column} "${cell.text}" is not a valid rank. ${RANK_HELP}`)
  return null
}

/** Returns the two needs as [primary, secondary]. */
function orderByRank(row: RowCells, first: NeedSlot, second: NeedSlot): [NeedSlot, NeedSlot] {
  if (first.rank !== null && first.rank === second.rank && first.rankCell && second.rankCell) {
    row.error(
      first.rankCell,
      `${first.rankCell.column} and ${second.rankCell.column} are both "${first.rank}", so it is ` +
        `not clear which need is primary. ${RANK_HELP}`,
    )
    return [first, second]
  }
  if (first.rank === 2 || second.rank === 1) return [second, first]
  return [first, second]
}

function warnAboutFit(
  row: RowCells,
  fields: SenFields,
  primary: NeedSlot,
  secondary: NeedSlot,
): void {
  const provision = provisionOf(fields.provisionCode)
  const hasNeedColumn = row.columnName('primaryNeed') !== null && !row.isRejected('primaryNeed')
  if (hasNeedColumn && provision !== 'N' && fields.primaryNeed === null) {
    row.warn(
      primary.cell,
      'No primary need is given, so the Career SEND group stays unassigned until a need or a ' +
        'qualification pathway is recorded. Enter the primary need if it is known.',
    )
  }

  const needs = [primary, secondary].filter((slot) => slot.code !== null)
  // A need with provision N gets one warning, whichever column it is in.
  const checked = provision === 'N' ? needs.slice(0, 1) : needs
  for (const slot of checked) {
    const warning = needProvisionWarning(slot.code, provision)
    if (warning) row.warn(slot.cell, warning)
  }
}
