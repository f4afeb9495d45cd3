import type { Transaction } from 'kysely'

import { insertRows } from '../bulk-insert.js'
import type { Tables } from '../tables.js'
import { AUDIT_DETAIL_REFERENCES, MY_FUTURE_CHOICE_PARTS } from './copy-tables.js'
import type { TableName } from './copy-tables.js'

// Inserting the rows of one table into the target, with every key mapped to the target's ids.

export type Row = Record<string, unknown>

/** Old id to new id, per table. */
export type IdMaps = Map<TableName, Map<number, number>>

/** The result of copying the rows of one table. */
export interface TableOutcome {
  /** Rows not inserted because the target already has them or a merge rule leaves them out. */
  notAdded: number
  /** Rows inserted beyond one per row read, such as a global need code mapping per school. */
  extra: number
  notes: string[]
}

export interface CopyState {
  target: Transaction<Tables>
  ids: IdMaps
  /** Target ids of organisations that existed before the copy and were matched by name. */
  matchedOrganisations: Set<number>
  /** Target ids of users that existed before the copy and were matched by email. */
  matchedUsers: Set<number>
}

/** Returns the new id of `oldId` in `table`, raising when the row was not copied. */
export function mapId(ids: IdMaps, table: TableName, oldId: unknown, where: string): number {
  const newId = ids.get(table)?.get(Number(oldId))
  if (newId === undefined) {
    throw new Error(`${where} points to ${table} id ${String(oldId)}, which was not copied`)
  }
  return newId
}

/** Returns a copy of `row` without its id and with each reference column mapped. */
export function remapRow(
  ids: IdMaps,
  table: TableName,
  row: Row,
  references: Partial<Record<string, TableName>>,
): Row {
  const copy: Row = { ...row }
  delete copy.id
  for (const [column, referenced] of Object.entries(references)) {
    if (copy[column] === null || copy[column] === undefined || referenced === undefined) continue
    copy[column] = mapId(ids, referenced, copy[column], `${table} id ${String(row.id)}.${column}`)
  }
  return copy
}

/** Inserts rows one at a time, keeping the new id of each, for tables that other rows point to. */
export async function insertKeepingIds(
  state: CopyState,
  table: TableName,
  rows: Row[],
  toInsert: (row: Row) => Row,
): Promise<void> {
  const map = state.ids.get(table) ?? new Map<number, number>()
  state.ids.set(table, map)
  for (const row of rows) {
    const inserted = await state.target
      .insertInto(table)
      .values(toInsert(row) as never)
      .returning('id' as never)
      .executeTakeFirstOrThrow()
    map.set(Number(row.id), Number((inserted as { id: unknown }).id))
  }
}

/** Inserts rows that nothing else points to, many to a statement. */
export async function insertAll(state: CopyState, table: TableName, rows: Row[]): Promise<void> {
  await insertRows(state.target, table, rows as never[])
}

/**
 * Maps the ids that audit event details name. An id of a row that is no longer in the source,
 * such as a removed plan part, becomes null, because the target may hold another row with it.
 */
export function remapAuditDetails(ids: IdMaps, details: string): { text: string; cleared: number } {
  let parsed: unknown
  try {
    parsed = JSON.parse(details)
  } catch {
    return { text: details, cleared: 0 }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { text: details, cleared: 0 }
  }

  let cleared = 0
  const mapOne = (table: TableName, value: unknown): unknown => {
    if (typeof value !== 'number') return value
    const newId = ids.get(table)?.get(value)
    if (newId === undefined) cleared++
    return newId ?? null
  }
  const record = parsed as Record<string, unknown>
  for (const [key, table] of Object.entries(AUDIT_DETAIL_REFERENCES)) {
    const value = record[key]
    if (value !== null && typeof value === 'object' && 'from' in value && 'to' in value) {
      record[key] = { from: mapOne(table, value.from), to: mapOne(table, value.to) }
    } else if (value !== undefined) {
      record[key] = mapOne(table, value)
    }
  }
  return { text: JSON.stringify(record), cleared }
}

/** Maps the plan part ids used as keys in my_future_views.choices, dropping ids not copied. */
export function remapChoices(ids: IdMaps, choices: string): string {
  const parsed = JSON.parse(choices) as Record<string, Record<string, boolean>>
  for (const [kind, table] of Object.entries(MY_FUTURE_CHOICE_PARTS)) {
    const shown = parsed[kind]
    if (!shown) continue
    const mapped: Record<string, boolean> = {}
    for (const [oldId, value] of Object.entries(shown)) {
      const newId = ids.get(table)?.get(Number(oldId))
      if (newId !== undefined) mapped[String(newId)] = value
    }
    parsed[kind] = mapped
  }
  return JSON.stringify(parsed)
}
