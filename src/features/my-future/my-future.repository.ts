// Reads and writes the my_future_views table. Callers pass the schools in scope, so a student of
// another school reads as having no settings and cannot be written to.
import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import { CHOICE_KINDS, emptyChoices, emptySettings } from './my-future.types.js'
import type { Choices, Helper, MyFutureSettings } from './my-future.types.js'

export interface SettingsOwner {
  schoolId: number
  studentId: number
}

export interface SettingsStamp {
  by: string
  now: string
}

/** Reads the helpers column, dropping any entry that is not a name and a role. */
function helpersOf(json: string): Helper[] {
  const parsed: unknown = JSON.parse(json)
  if (!Array.isArray(parsed)) return []
  return parsed.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return []
    const { name, role } = entry as Record<string, unknown>
    return typeof name === 'string' && typeof role === 'string' ? [{ name, role }] : []
  })
}

/** Reads the choices column, keeping only the known kinds and boolean values. */
function choicesOf(json: string): Choices {
  const parsed: unknown = JSON.parse(json)
  const choices = emptyChoices()
  if (typeof parsed !== 'object' || parsed === null) return choices
  for (const kind of CHOICE_KINDS) {
    const entries = (parsed as Record<string, unknown>)[kind]
    if (typeof entries !== 'object' || entries === null) continue
    for (const [id, shown] of Object.entries(entries)) {
      if (typeof shown === 'boolean') choices[kind][id] = shown
    }
  }
  return choices
}

/** Reads a student's settings, or the empty settings at version 0 when none are stored. */
export async function findSettings(
  db: Kysely<Tables>,
  schoolIds: number[],
  studentId: number,
): Promise<MyFutureSettings> {
  if (schoolIds.length === 0) return emptySettings()
  const row = await db
    .selectFrom('my_future_views')
    .selectAll()
    .where('student_id', '=', studentId)
    .where('school_id', 'in', schoolIds)
    .executeTakeFirst()
  if (!row) return emptySettings()

  return {
    version: row.version,
    aboutMe: row.about_me,
    likes: row.likes,
    helpers: helpersOf(row.helpers),
    choices: choicesOf(row.choices),
  }
}

function columnsOf(settings: Omit<MyFutureSettings, 'version'>) {
  return {
    about_me: settings.aboutMe,
    likes: settings.likes,
    helpers: JSON.stringify(settings.helpers),
    choices: JSON.stringify(settings.choices),
  }
}

/**
 * Stores the settings: inserts them at version 1 when `version` is 0, or updates the row at
 * `version` to `version + 1`. Returns false when another save got there first.
 */
export async function saveSettings(
  db: Kysely<Tables>,
  owner: SettingsOwner,
  version: number,
  settings: Omit<MyFutureSettings, 'version'>,
  stamp: SettingsStamp,
): Promise<boolean> {
  if (version === 0) {
    // A row another save inserted first, after this one read version 0, is a conflict.
    const inserted = await db
      .insertInto('my_future_views')
      .values({
        school_id: owner.schoolId,
        student_id: owner.studentId,
        version: 1,
        ...columnsOf(settings),
        created_by: stamp.by,
        created_at: stamp.now,
        updated_by: stamp.by,
        updated_at: stamp.now,
      })
      .onConflict((conflict) => conflict.column('student_id').doNothing())
      .returning('id')
      .executeTakeFirst()
    return inserted !== undefined
  }

  const result = await db
    .updateTable('my_future_views')
    .set({
      ...columnsOf(settings),
      version: version + 1,
      updated_by: stamp.by,
      updated_at: stamp.now,
    })
    .where('student_id', '=', owner.studentId)
    .where('school_id', '=', owner.schoolId)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
