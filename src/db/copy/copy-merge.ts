import {
  insertAll,
  insertKeepingIds,
  remapAuditDetails,
  remapChoices,
  remapRow,
} from './copy-rows.js'
import type { CopyState, Row, TableOutcome } from './copy-rows.js'
import type { TableName } from './copy-tables.js'

// The merge rules of tables whose rows may already be in the target, or that hold ids outside
// their foreign keys. docs/decisions/2026-12-04-copy-merge-rules.md gives the reasons.

type Handler = (state: CopyState, rows: Row[]) => Promise<TableOutcome>

const outcome = (notAdded = 0, extra = 0, notes: string[] = []): TableOutcome => ({
  notAdded,
  extra,
  notes,
})

/** Matches organisations by name: an existing one is reused, and the others are inserted. */
const organisations: Handler = async (state, rows) => {
  const map = new Map<number, number>()
  state.ids.set('organisations', map)
  const fresh: Row[] = []
  for (const row of rows) {
    const existing = await state.target
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', String(row.name))
      .executeTakeFirst()
    if (existing) {
      map.set(Number(row.id), existing.id)
      state.matchedOrganisations.add(existing.id)
    } else {
      fresh.push(row)
    }
  }
  await insertKeepingIds(state, 'organisations', fresh, (row) =>
    remapRow(state.ids, 'organisations', row, {}),
  )
  const matched = rows.length - fresh.length
  const notes = matched ? [`${matched} organisation(s) already in the target were reused`] : []
  return outcome(matched, 0, notes)
}

/** Matches users by email: an existing user keeps their account and gains the copied roles. */
const users: Handler = async (state, rows) => {
  const map = new Map<number, number>()
  state.ids.set('users', map)
  const fresh: Row[] = []
  for (const row of rows) {
    const email = String(row.email).trim().toLowerCase()
    const existing = await state.target
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst()
    if (existing) {
      map.set(Number(row.id), existing.id)
      state.matchedUsers.add(existing.id)
    } else {
      fresh.push({ ...row, email })
    }
  }
  await insertKeepingIds(state, 'users', fresh, (row) => remapRow(state.ids, 'users', row, {}))
  const matched = rows.length - fresh.length
  const notes = matched
    ? [`${matched} user(s) already in the target kept their account and gained the copied roles`]
    : []
  return outcome(matched, 0, notes)
}

/**
 * Copies roles, except a role at an organisation that was already in the target: that would give
 * the user every school of the existing organisation, which only its own admins should decide.
 */
const userRoles: Handler = async (state, rows) => {
  const references = {
    user_id: 'users',
    school_id: 'schools',
    organisation_id: 'organisations',
  } as const
  const copied = rows.map((row) => remapRow(state.ids, 'user_roles', row, references))
  const kept = copied.filter(
    (row) =>
      row.organisation_id === null || !state.matchedOrganisations.has(Number(row.organisation_id)),
  )
  await insertAll(state, 'user_roles', kept)
  const left = copied.length - kept.length
  const notes = left
    ? [
        `${left} role(s) at an organisation already in the target were not copied: grant them with "send-careers user role"`,
      ]
    : []
  return outcome(left, 0, notes)
}

/** Copies recovery codes of new users only, because a matched user keeps their own. */
const recoveryCodes: Handler = async (state, rows) => {
  const copied = rows.map((row) => remapRow(state.ids, 'recovery_codes', row, { user_id: 'users' }))
  const kept = copied.filter((row) => !state.matchedUsers.has(Number(row.user_id)))
  await insertAll(state, 'recovery_codes', kept)
  return outcome(copied.length - kept.length)
}

/**
 * Copies a school's own mappings as they are. A mapping with no school applies to every school of
 * the source database, so it becomes a mapping of each copied school that has none of its own for
 * the code, and the target's other schools are not affected.
 */
const needCodeMappings: Handler = async (state, rows) => {
  const schoolIds = [...(state.ids.get('schools')?.values() ?? [])]
  const own = rows.filter((row) => row.school_id !== null)
  const copied = own.map((row) =>
    remapRow(state.ids, 'need_code_mappings', row, { school_id: 'schools' }),
  )
  const taken = new Set(copied.map((row) => `${String(row.school_id)}\u0000${String(row.code)}`))
  const global = rows.filter((row) => row.school_id === null)
  for (const row of global) {
    for (const schoolId of schoolIds) {
      if (taken.has(`${schoolId}\u0000${String(row.code)}`)) continue
      copied.push({ ...remapRow(state.ids, 'need_code_mappings', row, {}), school_id: schoolId })
    }
  }
  await insertAll(state, 'need_code_mappings', copied)
  const notes = global.length
    ? [`${global.length} mapping(s) for every school were copied as mappings of each copied school`]
    : []
  // Each global row is replaced by the per-school rows made from it.
  return outcome(global.length, copied.length - own.length, notes)
}

/** Copies pseudonym secrets, except an organisation's that the target already has. */
const pseudonymSecrets: Handler = async (state, rows) => {
  const references = { organisation_id: 'organisations', school_id: 'schools' } as const
  const copied = rows.map((row) => remapRow(state.ids, 'pseudonym_secrets', row, references))
  const kept = copied.filter(
    (row) =>
      row.organisation_id === null || !state.matchedOrganisations.has(Number(row.organisation_id)),
  )
  await insertAll(state, 'pseudonym_secrets', kept)
  const left = copied.length - kept.length
  const notes = left
    ? [`${left} secret(s) of organisations already in the target were kept from the target`]
    : []
  return outcome(left, 0, notes)
}

/** Maps the part ids that a My future page shows or hides. */
const myFutureViews: Handler = async (state, rows) => {
  const references = { school_id: 'schools', student_id: 'students' } as const
  const copied = rows.map((row) => {
    const mapped = remapRow(state.ids, 'my_future_views', row, references)
    return { ...mapped, choices: remapChoices(state.ids, String(row.choices)) }
  })
  await insertAll(state, 'my_future_views', copied)
  return outcome()
}

/**
 * Copies the audit trail with its school, student and detail ids mapped. The triggers that keep
 * audit_events append-only reject updates and deletes, not inserts, so they stay on. An id of a
 * row no longer in the source becomes null, as erasure leaves it.
 */
const auditEvents: Handler = async (state, rows) => {
  let cleared = 0
  const mapOptional = (table: TableName, value: unknown): number | null => {
    if (value === null || value === undefined) return null
    const newId = state.ids.get(table)?.get(Number(value))
    if (newId === undefined) cleared++
    return newId ?? null
  }
  const copied = rows.map((row) => {
    const details = remapAuditDetails(state.ids, String(row.details))
    cleared += details.cleared
    const copy: Row = { ...row, details: details.text }
    delete copy.id
    copy.school_id = mapOptional('schools', row.school_id)
    copy.student_id = mapOptional('students', row.student_id)
    return copy
  })
  await insertAll(state, 'audit_events', copied)
  const notes = cleared
    ? [`${cleared} audit reference(s) to rows no longer in the source were set to null`]
    : []
  return outcome(0, 0, notes)
}

/** Tables with their own merge rule. Every other copied table goes through the plain copy. */
export const MERGE_HANDLERS: Partial<Record<TableName, Handler>> = {
  organisations,
  users,
  user_roles: userRoles,
  recovery_codes: recoveryCodes,
  need_code_mappings: needCodeMappings,
  pseudonym_secrets: pseudonymSecrets,
  my_future_views: myFutureViews,
  audit_events: auditEvents,
}
