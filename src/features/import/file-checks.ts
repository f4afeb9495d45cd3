// Checks that need the whole file: rows that share a student key, and former UPNs that point at
// another row of the same file.

import type { HeaderRow } from './headers.js'
import type { StudentKey, ValidatedRow } from './import.types.js'

const KEY_TARGETS = { upn: 'upn', uln: 'uln', mis: 'misId' } as const

/**
 * Collapses rows that repeat another row exactly (same key, same values) into the first, with a
 * warning. Rows that share a key but differ are all rejected, each naming the other lines.
 */
export function resolveDuplicates(rows: ValidatedRow[], header: HeaderRow): ValidatedRow[] {
  const byKey = new Map<string, ValidatedRow[]>()
  for (const row of rows) {
    if (row.key === null) continue
    const id = `${row.key.kind}:${row.key.value}`
    byKey.set(id, [...(byKey.get(id) ?? []), row])
  }

  const dropped = new Set<ValidatedRow>()
  for (const group of byKey.values()) {
    if (group.length < 2) continue
    const distinct = collapseRepeats(group, dropped)
    if (distinct.length > 1) rejectConflicts(distinct, header)
  }
  return rows.filter((row) => !dropped.has(row))
}

/** Drops exact repeats of an accepted row and returns the rows left in the group. */
function collapseRepeats(group: ValidatedRow[], dropped: Set<ValidatedRow>): ValidatedRow[] {
  const firstByContent = new Map<string, ValidatedRow>()
  const remaining: ValidatedRow[] = []
  for (const row of group) {
    const content = row.input === null ? null : JSON.stringify(row.input)
    const first = content === null ? undefined : firstByContent.get(content)
    if (first) {
      dropped.add(row)
      first.warnings.push({
        column: null,
        value: null,
        message: `Line ${row.line} repeats this row exactly, so the student was imported once.`,
      })
      continue
    }
    if (content !== null) firstByContent.set(content, row)
    remaining.push(row)
  }
  return remaining
}

function rejectConflicts(group: ValidatedRow[], header: HeaderRow): void {
  for (const row of group) {
    const key = row.key as StudentKey
    const column = header.columns[KEY_TARGETS[key.kind]]?.header ?? key.kind.toUpperCase()
    const others = group.filter((other) => other !== row).map((other) => other.line)
    const lines = others.length === 1 ? `line ${others[0]}` : `lines ${others.join(', ')}`
    row.input = null
    row.errors.push({
      column,
      value: key.value,
      message:
        `${column} "${key.value}" is also on ${lines} with different details, so it is not ` +
        `clear which student it belongs to. Check the ${column} of each row in the MIS, ` +
        'correct it, and upload the file again.',
    })
  }
}

/** Warns on both rows when one row's former UPN is another row's UPN. */
export function warnFormerUpnMatches(rows: ValidatedRow[], header: HeaderRow): void {
  const byUpn = new Map<string, ValidatedRow>()
  for (const row of rows) {
    if (row.input?.upn) byUpn.set(row.input.upn, row)
  }

  const upnColumn = header.columns.upn?.header ?? 'UPN'
  const formerColumn = header.columns.formerUpn?.header ?? 'Former UPN'
  for (const row of rows) {
    const former = row.input?.formerUpn
    const current = former ? byUpn.get(former) : undefined
    if (!former || !current || current === row) continue

    row.warnings.push({
      column: formerColumn,
      value: former,
      message:
        `${formerColumn} "${former}" is the ${upnColumn} on line ${current.line}, so the two ` +
        'rows may be the same student. Check both rows, and remove one if they are.',
    })
    current.warnings.push({
      column: upnColumn,
      value: former,
      message:
        `${upnColumn} "${former}" is the former UPN on line ${row.line}, so the two rows may be ` +
        'the same student. Check both rows, and remove one if they are.',
    })
  }
}
