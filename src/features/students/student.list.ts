import { sql } from 'kysely'
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely'
import type { Tables } from '../../db/tables.js'
import type {
  AreaOfNeed,
  CareerSendGroup,
  GroupBasis,
  GroupFlag,
  Provision,
} from '../../domain/types.js'
import { inSchools, selectStudents, toStoredStudent } from './student.repository.js'
import type { StoredStudent } from './student.repository.js'
import { toSearchKey } from './student.row.js'

export interface StudentListQuery {
  /** Part of a legal or preferred name, or of a UPN, ULN or MIS id. */
  search?: string
  group?: CareerSendGroup | 'unassigned'
  basis?: GroupBasis
  /** A group flag, or `conflict` for an override whose computed group has changed since. */
  flag?: GroupFlag | 'conflict'
  ncYear?: string
  provision?: Provision
  /** A need code, matched against the primary and the secondary need. */
  need?: string
  area?: AreaOfNeed
  inLatestImport?: boolean
  sort?: 'name' | 'ncYear' | 'group' | 'upn' | 'updatedAt'
  direction?: 'asc' | 'desc'
  /** Counted from 1. */
  page?: number
  pageSize?: number
}

export const MAX_PAGE_SIZE = 200
const DEFAULT_PAGE_SIZE = 50

type StudentsEb = ExpressionBuilder<Tables, 'students'>

// Census provision codes that count as each provision, legacy codes included.
const provisionCodes: Record<Provision, string[]> = { N: ['N'], K: ['K', 'A', 'P'], E: ['E', 'S'] }

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`)
}

/**
 * Splits a search into folded words. Every word must match, in any order, so "Cara Amberdell" and
 * "Amberdell, Cara" both find the student the list shows as Cara Amberdell.
 */
export function searchWords(search: string): string[] {
  return toSearchKey(search)
    .split(/[\s,]+/u)
    .filter((word) => word !== '')
}

function filterStudents(eb: StudentsEb, query: StudentListQuery): Expression<SqlBool> {
  const filters: Expression<SqlBool>[] = []

  for (const word of searchWords(query.search ?? '')) {
    const pattern = `%${escapeLike(word)}%`
    filters.push(sql<SqlBool>`${eb.ref('students.search_text')} like ${pattern} escape '\\'`)
  }
  if (query.group) {
    const group = query.group === 'unassigned' ? null : query.group
    filters.push(eb('students.group', group === null ? 'is' : '=', group))
  }
  if (query.basis) filters.push(eb('students.basis', '=', query.basis))
  if (query.flag === 'conflict') filters.push(eb('students.has_conflict', '=', 1))
  else if (query.flag) filters.push(eb('students.flags', 'like', `%,${query.flag},%`))
  if (query.ncYear) filters.push(eb('students.nc_year', '=', query.ncYear))
  if (query.provision) {
    filters.push(eb('students.provision_code', 'in', provisionCodes[query.provision]))
  }
  if (query.need) {
    const need = query.need.trim()
    filters.push(
      eb.or([eb('students.primary_need', '=', need), eb('students.secondary_need', '=', need)]),
    )
  }
  if (query.area) filters.push(eb('students.need_area', '=', query.area))
  if (query.inLatestImport !== undefined) {
    filters.push(eb('students.in_latest_import', '=', query.inLatestImport ? 1 : 0))
  }

  return eb.and(filters)
}

// Only these are cast to a number, because PostgreSQL fails on casting any other text.
const NUMBERED_YEARS = Array.from({ length: 14 }, (_, index) => String(index + 1))

type SortTerm = [Expression<unknown>, 'asc' | 'desc']

// Both engines order NULLs differently, so each nullable sort column is preceded by an explicit
// "is null" term that puts NULLs last in either direction. Year R sorts before 1 and X after 14.
function sortTerms(query: StudentListQuery, direction: 'asc' | 'desc'): SortTerm[] {
  const nullsLast = (column: string): SortTerm => [
    sql`case when ${sql.ref(column)} is null then 1 else 0 end`,
    'asc',
  ]
  const numbered = sql.join(NUMBERED_YEARS.map((ncYear) => sql.lit(ncYear)))
  const year = sql`case when students.nc_year = 'R' then 0 when students.nc_year = 'X' then 99
    when students.nc_year in (${numbered}) then cast(students.nc_year as integer) else 100 end`

  switch (query.sort) {
    case 'ncYear':
      return [nullsLast('students.nc_year'), [year, direction]]
    case 'group':
      return [nullsLast('students.group'), [sql.ref('students.group'), direction]]
    case 'upn':
      return [nullsLast('students.upn'), [sql.ref('students.upn'), direction]]
    case 'updatedAt':
      return [[sql.ref('students.updated_at'), direction]]
    default:
      return []
  }
}

export interface StudentPage {
  students: StoredStudent[]
  total: number
  /** The page shown: the requested page, or the last page when the request was beyond it. */
  page: number
  pageSize: number
}

export async function listStudents(
  db: Kysely<Tables>,
  schoolIds: number[],
  query: StudentListQuery = {},
): Promise<StudentPage> {
  const pageSize = Math.min(
    Math.max(Math.trunc(query.pageSize ?? DEFAULT_PAGE_SIZE), 1),
    MAX_PAGE_SIZE,
  )
  const total = await countStudents(db, schoolIds, query)
  const lastPage = Math.max(Math.ceil(total / pageSize), 1)
  const page = Math.min(Math.max(Math.trunc(query.page ?? 1), 1), lastPage)
  const direction = query.direction === 'desc' ? 'desc' : 'asc'

  // The sort reads only ids and sort keys, so ordering thousands of students in a local
  // authority's scope moves narrow rows. The page's whole records are then read by id.
  let pageIds = db
    .selectFrom('students')
    .select('students.id')
    .where((eb) => inSchools(eb, schoolIds))
    .where((eb) => filterStudents(eb, query))
  for (const [expression, order] of sortTerms(query, direction)) {
    pageIds = pageIds.orderBy(expression, order)
  }
  const ids = (
    await pageIds
      .orderBy('students.sort_name', direction)
      .orderBy('students.id', direction)
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute()
  ).map((row) => row.id)
  const byId = new Map(
    ids.length === 0
      ? []
      : (await selectStudents(db, schoolIds).where('students.id', 'in', ids).execute()).map(
          (row) => [row.id, row],
        ),
  )
  const rows = ids.flatMap((id) => byId.get(id) ?? [])

  return {
    students: rows.map(toStoredStudent),
    total,
    page,
    pageSize,
  }
}

export async function countStudents(
  db: Kysely<Tables>,
  schoolIds: number[],
  query: StudentListQuery = {},
): Promise<number> {
  const { count } = await selectStudents(db, schoolIds)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
    .where((eb) => filterStudents(eb, query))
    .executeTakeFirstOrThrow()
  return Number(count)
}
