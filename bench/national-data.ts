// Generates a national-scale dataset for the scale benchmarks: STUDENTS students spread over
// SCHOOLS schools of varying size, one in ten of them special schools, grouped into local
// authorities of about 27 schools (England has about 150 local authorities and 20,000 schools with
// pupils with SEN). Each school's rows come from seedSchool in bench/report-data.ts. Every name
// is invented.
import { sql } from 'kysely'

import type { Database } from '../src/db/connection.js'
import { createRandom } from '../src/demo/random.js'
import type { Random } from '../src/demo/random.js'
import type { BenchSchoolKind } from './report-data.js'
import { insertOrganisation, insertSchool, seedSchool } from './report-data.js'

export interface NationalDataOptions {
  students: number
  schools: number
  seed: number
}

export interface NationalSchool {
  id: number
  organisationId: number
  kind: BenchSchoolKind
  students: number
}

export interface NationalData {
  schools: NationalSchool[]
  organisationIds: number[]
}

const SCHOOLS_PER_ORGANISATION = 27
const SPECIAL_SHARE = 0.1
/** A special school's expected size as a share of a mainstream school's. */
const SPECIAL_SIZE_FACTOR = 0.5
/** Spread of mainstream school sizes: the standard deviation of their natural logarithm. */
const SIZE_SPREAD = 0.6
/**
 * Students written per transaction. Large transactions keep SQLite from syncing the WAL after
 * every statement and PostgreSQL from committing every few hundred rows.
 */
const STUDENTS_PER_TRANSACTION = 20_000

/** Returns each school's kind and number of students, summing exactly to `students`. */
export function planSchools(
  random: Random,
  students: number,
  schools: number,
): { kind: BenchSchoolKind; students: number }[] {
  if (!Number.isInteger(schools) || schools < 1) {
    throw new Error(`Invalid number of schools ${schools}: use a whole number of 1 or more`)
  }
  if (!Number.isInteger(students) || students < schools) {
    throw new Error(
      `Invalid number of students ${students}: use a whole number of at least one per school (${schools})`,
    )
  }

  const plans = Array.from({ length: schools }, () => {
    const kind: BenchSchoolKind = random.chance(SPECIAL_SHARE) ? 'special' : 'mainstream'
    const weight = kind === 'special' ? SPECIAL_SIZE_FACTOR : Math.exp(SIZE_SPREAD * normal(random))
    return { kind, weight }
  })
  const totalWeight = plans.reduce((sum, plan) => sum + plan.weight, 0)
  // Every school gets one student, and the rest are shared by weight, so no school is empty.
  const sized = plans.map((plan) => ({
    kind: plan.kind,
    students: 1 + Math.floor(((students - schools) * plan.weight) / totalWeight),
  }))
  let remainder = students - sized.reduce((sum, school) => sum + school.students, 0)
  for (let index = 0; remainder > 0; index = (index + 1) % sized.length, remainder -= 1) {
    sized[index]!.students += 1
  }
  return sized
}

/** A standard normal sample (Box-Muller). */
function normal(random: Random): number {
  const u = 1 - random.next()
  const v = random.next()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

/** Fills an empty, migrated database with the national dataset and returns its schools. */
export async function seedNationalData(
  database: Database,
  options: NationalDataOptions,
): Promise<NationalData> {
  const random = createRandom(options.seed)
  const planned = planSchools(random, options.students, options.schools)
  const organisationCount = Math.max(1, Math.round(options.schools / SCHOOLS_PER_ORGANISATION))
  const organisationIds: number[] = []
  for (let index = 0; index < organisationCount; index += 1) {
    organisationIds.push(
      await insertOrganisation(database.db, `Bench local authority ${index + 1} (fictional)`),
    )
  }

  const schools: NationalSchool[] = []
  // Foreign keys are checked once after the load, not row by row: on PostgreSQL 15 under load the
  // three foreign-key triggers of a plan row made its insert about five times slower.
  if (database.dialect === 'sqlite') await sql`pragma foreign_keys = off`.execute(database.db)
  let next = 0
  while (next < planned.length) {
    // One transaction for a batch of schools of about STUDENTS_PER_TRANSACTION students.
    const batchStart = next
    let batchStudents = 0
    while (next < planned.length && batchStudents < STUDENTS_PER_TRANSACTION) {
      batchStudents += planned[next]!.students
      next += 1
    }
    await database.db.transaction().execute(async (trx) => {
      if (database.dialect === 'postgres') {
        // Needs a superuser, as pg_restore --disable-triggers does.
        await sql`set local session_replication_role = replica`.execute(trx)
      }
      for (let index = batchStart; index < next; index += 1) {
        const school = planned[index]!
        // Consecutive schools share a local authority, so each one's schools form a block.
        const organisationId =
          organisationIds[Math.floor((index * organisationCount) / planned.length)]!
        const id = await insertSchool(trx, `Bench school ${index + 1} (fictional)`, organisationId)
        await seedSchool(trx, random, id, school.students, school.kind)
        schools.push({ id, organisationId, kind: school.kind, students: school.students })
      }
    })
  }

  await checkForeignKeys(database)
  // Fresh planner statistics, as autovacuum or a nightly ANALYZE would leave them in production.
  await sql`analyze`.execute(database.db)
  return { schools, organisationIds }
}

/** Raises an error naming the first row whose foreign key points at no row. */
async function checkForeignKeys(database: Database): Promise<void> {
  if (database.dialect === 'sqlite') {
    const { rows } = await sql<{ table: string; rowid: number; parent: string }>`
      pragma foreign_key_check`.execute(database.db)
    await sql`pragma foreign_keys = on`.execute(database.db)
    const first = rows[0]
    if (first) {
      throw new Error(
        `Seeded row ${first.rowid} of ${first.table} points at no row of ${first.parent}`,
      )
    }
    return
  }

  // PostgreSQL has no foreign_key_check, so each foreign key of the seeded tables is checked by
  // an anti-join.
  const { rows } = await sql<{ child: string; column: string; parent: string }>`
    select child.relname as child, attribute.attname as column, parent.relname as parent
    from pg_constraint constraint_row
    join pg_class child on child.oid = constraint_row.conrelid
    join pg_class parent on parent.oid = constraint_row.confrelid
    join pg_attribute attribute
      on attribute.attrelid = constraint_row.conrelid and attribute.attnum = constraint_row.conkey[1]
    where constraint_row.contype = 'f' and child.relnamespace = current_schema()::regnamespace
  `.execute(database.db)
  for (const { child, column, parent } of rows) {
    const { rows: orphans } = await sql<{ id: number }>`
      select 1 as id from ${sql.table(child)} c
      where c.${sql.ref(column)} is not null
        and not exists (select 1 from ${sql.table(parent)} p where p.id = c.${sql.ref(column)})
      limit 1`.execute(database.db)
    if (orphans.length > 0) {
      throw new Error(`A seeded row of ${child}.${column} points at no row of ${parent}`)
    }
  }
}
