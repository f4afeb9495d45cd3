import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'
import type { AreaOfNeed } from '../../domain/types.js'
import { createNeedCodeList } from '../../domain/census.js'
import type { AreaLookup } from './student.grouping.js'

export interface NeedCodeMapping {
  code: string
  area: AreaOfNeed
  description: string | null
}

/**
 * Lists the need codes mapped for a school: the school's own first, then those for every school,
 * because the need code list keeps the first mapping of a code and a school's replaces the global.
 */
export async function listNeedCodeMappings(
  db: Kysely<Tables>,
  schoolId: number,
): Promise<NeedCodeMapping[]> {
  const rows = await db
    .selectFrom('need_code_mappings')
    .select(['school_id', 'code', 'area', 'description'])
    .where((eb) => eb.or([eb('school_id', '=', schoolId), eb('school_id', 'is', null)]))
    .execute()

  return rows
    .sort((a, b) => Number(a.school_id === null) - Number(b.school_id === null))
    .map((row) => ({ code: row.code, area: row.area as AreaOfNeed, description: row.description }))
}

export async function loadAreaLookup(db: Kysely<Tables>, schoolId: number): Promise<AreaLookup> {
  const mappings = await listNeedCodeMappings(db, schoolId)
  const needCodes = createNeedCodeList(
    mappings.map(({ code, area, description }) => ({
      code,
      area,
      description: description ?? undefined,
    })),
  )
  return (code) => needCodes.areaOf(code)
}

/** Saves a mapping for one school, or for every school when `schoolId` is null. */
export async function saveNeedCodeMapping(
  db: Kysely<Tables>,
  schoolId: number | null,
  mapping: NeedCodeMapping,
  now: string,
): Promise<void> {
  const code = mapping.code.trim()

  await db
    .deleteFrom('need_code_mappings')
    .where('code', '=', code)
    .where('school_id', schoolId === null ? 'is' : '=', schoolId)
    .execute()

  await db
    .insertInto('need_code_mappings')
    .values({
      school_id: schoolId,
      code,
      area: mapping.area,
      description: mapping.description,
      created_at: now,
    })
    .execute()
}

export interface NeedCodeUsage {
  schoolId: number
  code: string
  /** Students of the school with this code as their primary or secondary need. */
  students: number
}

/** Counts the students of each school by need code, primary and secondary needs together. */
export async function countStudentsByNeedCode(
  db: Kysely<Tables>,
  schoolIds: number[],
): Promise<NeedCodeUsage[]> {
  if (schoolIds.length === 0) return []
  const counts = new Map<string, NeedCodeUsage>()

  for (const column of ['primary_need', 'secondary_need'] as const) {
    const rows = await db
      .selectFrom('students')
      .select(['school_id', column, (eb) => eb.fn.countAll<number>().as('students')])
      .where('school_id', 'in', schoolIds)
      .where(column, 'is not', null)
      .groupBy(['school_id', column])
      .execute()
    for (const row of rows) {
      const code = row[column] ?? ''
      const key = `${row.school_id}:${code}`
      const usage = counts.get(key) ?? { schoolId: row.school_id, code, students: 0 }
      usage.students += Number(row.students)
      counts.set(key, usage)
    }
  }
  return [...counts.values()]
}
