// Checks that need the whole file: rows that share a student key, and former UPNs that point at
// another row of the same file. Rows pass one at a time, and the index keeps only each row's key,
// line, position and a hash of its values, so memory grows by little more than one map entry a row.

import type { HeaderRow } from './headers.js'
import type { ImportIssue, LateChange, ValidatedRow } from './import.types.js'
import { addToIndex, createKeyIndex, keyIdOf, NO_HASH, parseKeyId } from './row-index.js'
import type { KeyIndex } from './row-index.js'

const KEY_TARGETS = { upn: 'upn', uln: 'uln', mis: 'misId' } as const

export interface FileChecks {
  /**
   * Adds a row about to be yielded at `position`. Returns false when the row repeats an earlier
   * row exactly, so the caller drops it. A row whose key conflicts with an earlier row gets its
   * input set to null here, and its error comes from `finish`.
   */
  add(row: ValidatedRow, position: number): boolean
  /** Returns the issues for rows already yielded. Call it once, after the last row. */
  finish(): LateChange[]
}

interface FormerUpn {
  former: string
  position: number
  keyId: string
}

/**
 * Creates the checks of one file. Rows that repeat another row exactly (same key, same values)
 * collapse into the first, with a warning on it. Rows that share a key but differ are all
 * rejected, each naming the other lines.
 */
export function createFileChecks(header: HeaderRow): FileChecks {
  const index = createKeyIndex()
  const formerUpns: FormerUpn[] = []
  const changes = new Map<number, LateChange>()
  const changeAt = (position: number): LateChange => {
    const existing = changes.get(position)
    if (existing) return existing
    const created: LateChange = { position, errors: [], warnings: [] }
    changes.set(position, created)
    return created
  }

  function add(row: ValidatedRow, position: number): boolean {
    const repeated = addToIndex(index, row, position)
    if (repeated !== null) {
      changeAt(repeated).warnings.push(repeatWarning(row.line))
      return false
    }
    if (row.key && row.input?.formerUpn) {
      formerUpns.push({ former: row.input.formerUpn, position, keyId: keyIdOf(row) })
    }
    return true
  }

  function finish(): LateChange[] {
    for (const [keyId, later] of index.laterByKey) {
      const { kind, value } = parseKeyId(keyId)
      const group = [index.firstByKey[kind].get(value)!, ...later]
      rejectConflicts(keyId, group, index, header, changeAt)
    }
    warnFormerUpnMatches(formerUpns, index, header, changeAt)
    return [...changes.values()].sort((a, b) => a.position - b.position)
  }

  return { add, finish }
}

function repeatWarning(line: number): ImportIssue {
  return {
    column: null,
    value: null,
    message: `Line ${line} repeats this row exactly, so the student was imported once.`,
  }
}

function rejectConflicts(
  keyId: string,
  group: number[],
  index: KeyIndex,
  header: HeaderRow,
  changeAt: (position: number) => LateChange,
): void {
  const { kind, value } = parseKeyId(keyId)
  const column = header.columns[KEY_TARGETS[kind]]?.header ?? kind.toUpperCase()

  for (const position of group) {
    const others = group.filter((other) => other !== position).map((p) => index.lines.get(p))
    const lines = others.length === 1 ? `line ${others[0]}` : `lines ${others.join(', ')}`
    changeAt(position).errors.push({
      column,
      value,
      message:
        `${column} "${value}" is also on ${lines} with different details, so it is not ` +
        `clear which student it belongs to. Check the ${column} of each row in the MIS, ` +
        'correct it, and upload the file again.',
    })
  }
}

/** Warns on both rows when one row's former UPN is another accepted row's UPN. */
function warnFormerUpnMatches(
  formerUpns: FormerUpn[],
  index: KeyIndex,
  header: HeaderRow,
  changeAt: (position: number) => LateChange,
): void {
  const upnColumn = header.columns.upn?.header ?? 'UPN'
  const formerColumn = header.columns.formerUpn?.header ?? 'Former UPN'
  for (const { former, position, keyId } of formerUpns) {
    // Rows of a conflicting key are rejected, so they take part on neither side.
    const upnKey = `upn:${former}`
    if (index.laterByKey.has(keyId) || index.laterByKey.has(upnKey)) continue
    const current = index.firstByKey.upn.get(former)
    if (current === undefined || current === position) continue
    if (index.hashes.get(current) === NO_HASH) continue
    const [line, currentLine] = [index.lines.get(position), index.lines.get(current)]

    changeAt(position).warnings.push({
      column: formerColumn,
      value: former,
      message:
        `${formerColumn} "${former}" is the ${upnColumn} on line ${currentLine}, so the two ` +
        'rows may be the same student. Check both rows, and remove one if they are.',
    })
    changeAt(current).warnings.push({
      column: upnColumn,
      value: former,
      message:
        `${upnColumn} "${former}" is the former UPN on line ${line}, so the two rows may be ` +
        'the same student. Check both rows, and remove one if they are.',
    })
  }
}
