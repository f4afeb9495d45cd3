// Checks every cell the product reads before any field reader sees it: a cell over its length
// limit, or with a control character, rejects the row. The limits keep a damaged or hostile file
// (a 100 MB name from a tiny XLSX) out of the database and the pages.

import type { ColumnTarget } from './headers.js'
import type { Cell, RowCells } from './row-cells.js'

/** Maximum characters of a name cell. */
export const MAX_NAME_LENGTH = 100
/** Maximum characters of an identifier cell: UPN, ULN, MIS id (Adno) and former UPN. */
export const MAX_IDENTIFIER_LENGTH = 40
/** Maximum characters of the pathway and of every other cell the product reads. */
export const MAX_OTHER_LENGTH = 200
/** Characters of an over-long value quoted in its message. */
export const QUOTED_PREFIX_LENGTH = 40

const LIMITS: Partial<Record<ColumnTarget, number>> = {
  legalSurname: MAX_NAME_LENGTH,
  legalForename: MAX_NAME_LENGTH,
  preferredSurname: MAX_NAME_LENGTH,
  preferredForename: MAX_NAME_LENGTH,
  upn: MAX_IDENTIFIER_LENGTH,
  uln: MAX_IDENTIFIER_LENGTH,
  misId: MAX_IDENTIFIER_LENGTH,
  formerUpn: MAX_IDENTIFIER_LENGTH,
}

// C0 controls other than tab, line feed and carriage return, DEL and the C1 range.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu

/** Rejects each cell of the row's known columns that is too long or has a control character. */
export function checkCells(row: RowCells): void {
  for (const target of Object.keys(row.header.columns) as ColumnTarget[]) {
    const cell = row.readUnchecked(target)
    if (cell === null || cell.kind !== 'text') continue
    checkLength(row, target, cell)
    if (!row.isRejected(target)) checkControlCharacters(row, target, cell)
  }
}

function checkLength(row: RowCells, target: ColumnTarget, cell: Cell): void {
  const limit = LIMITS[target] ?? MAX_OTHER_LENGTH
  if (cell.text.length <= limit) return
  const length = countCharacters(cell.text)
  if (length <= limit) return

  const quoted = quotePrefix(cell.text)
  row.reject(
    target,
    { ...cell, text: quoted },
    `${cell.column} "${quoted}" on line ${row.line} has ${length.toLocaleString('en-GB')} ` +
      `characters, but the limit is ${limit}, so the row was not imported. Correct the value ` +
      'in the MIS and export the file again.',
  )
}

function checkControlCharacters(row: RowCells, target: ColumnTarget, cell: Cell): void {
  const found = CONTROL_CHARACTER.exec(cell.text)
  if (!found) return

  const codePoint = found[0].codePointAt(0) ?? 0
  const name = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`
  // The replacement character shows where the control character was, which HTML cannot show.
  const shown = cell.text.replace(CONTROL_CHARACTERS, '\uFFFD')
  row.reject(
    target,
    { ...cell, text: shown },
    `${cell.column} on line ${row.line} contains the control character ${name}, which a ` +
      'register never has, so the row was not imported. Retype the cell in the MIS or ' +
      'spreadsheet and export the file again.',
  )
}

/** Counts code points, so a character outside the Basic Multilingual Plane counts once. */
function countCharacters(text: string): number {
  let count = 0
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index)
    // A high surrogate followed by a low one is one character.
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1)
      if (next >= 0xdc00 && next <= 0xdfff) index++
    }
    count++
  }
  return count
}

/** Returns the first 40 characters of a long value followed by an ellipsis. */
export function quotePrefix(text: string): string {
  const characters = Array.from(text.slice(0, QUOTED_PREFIX_LENGTH * 2))
  return `${characters.slice(0, QUOTED_PREFIX_LENGTH).join('')}…`
}
