import { sql } from 'kysely'

import type { Database } from '../../src/db/connection.js'

// Checks a database after a crash, on either engine: the storage is sound, every declared foreign
// key holds, and no row hangs off a student who is not there. Each check returns the problems it
// found as sentences, so an assertion that the list is empty shows them all.

/** Runs every check that fits the database's engine and returns the problems found. */
export async function findConsistencyProblems(database: Database): Promise<string[]> {
  const storage =
    database.dialect === 'sqlite'
      ? await findSqliteProblems(database)
      : await findBrokenPostgresForeignKeys(database)
  return [...storage, ...(await findRowsWithoutStudent(database))]
}

/** Runs SQLite's `integrity_check` and `foreign_key_check` pragmas. */
async function findSqliteProblems({ db }: Database): Promise<string[]> {
  const problems: string[] = []
  const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)
  for (const row of integrity.rows) {
    if (row.integrity_check !== 'ok') problems.push(`integrity_check: ${row.integrity_check}`)
  }

  const foreignKeys = await sql<{
    table: string
    rowid: number
    parent: string
  }>`pragma foreign_key_check`.execute(db)
  for (const row of foreignKeys.rows) {
    problems.push(`foreign_key_check: ${row.table} row ${row.rowid} has no row in ${row.parent}`)
  }
  return problems
}

interface PostgresForeignKey {
  name: string
  child: string
  parent: string
  child_columns: string[]
  parent_columns: string[]
  validated: boolean
}

/**
 * Reads every foreign key of the current schema from the catalogue and counts the rows of each
 * that point at no parent row. PostgreSQL enforces them itself, so this checks what a crash
 * could break: a key left NOT VALID, or rows that escaped it.
 */
async function findBrokenPostgresForeignKeys({ db }: Database): Promise<string[]> {
  const { rows: foreignKeys } = await sql<PostgresForeignKey>`
    select con.conname as name, child.relname as child, parent.relname as parent,
      array(select attname from unnest(con.conkey) with ordinality as k(num, pos)
        join pg_attribute on attrelid = con.conrelid and attnum = k.num order by k.pos)::text[]
        as child_columns,
      array(select attname from unnest(con.confkey) with ordinality as k(num, pos)
        join pg_attribute on attrelid = con.confrelid and attnum = k.num order by k.pos)::text[]
        as parent_columns,
      con.convalidated as validated
    from pg_constraint con
    join pg_class child on child.oid = con.conrelid
    join pg_class parent on parent.oid = con.confrelid
    join pg_namespace ns on ns.oid = child.relnamespace
    where con.contype = 'f' and ns.nspname = current_schema()
    order by con.conname`.execute(db)

  const problems: string[] = []
  if (foreignKeys.length === 0) problems.push('the schema has no foreign keys to check')
  for (const key of foreignKeys) {
    if (!key.validated) problems.push(`foreign key ${key.name} is NOT VALID`)
    const orphans = await countOrphans(db, key)
    if (orphans > 0) {
      problems.push(`${orphans} rows of ${key.child} break foreign key ${key.name}`)
    }
  }
  return problems
}

async function countOrphans(db: Database['db'], key: PostgresForeignKey): Promise<number> {
  const notNull = key.child_columns.map((column) => sql`c.${sql.id(column)} is not null`)
  const matches = key.child_columns.map(
    (column, index) => sql`p.${sql.id(key.parent_columns[index] ?? '')} = c.${sql.id(column)}`,
  )
  const { rows } = await sql<{ count: string }>`
    select count(*) as count from ${sql.id(key.child)} c
    where ${sql.join(notNull, sql` and `)}
      and not exists (select 1 from ${sql.id(key.parent)} p
        where ${sql.join(matches, sql` and `)})`.execute(db)
  return Number(rows[0]?.count ?? 0)
}

/**
 * Counts, in every table with a `student_id` column, the rows whose student is not in `students`,
 * whether or not the table declares a foreign key. No test here erases a student, so none may
 * exist, not even in the audit trail.
 */
async function findRowsWithoutStudent({ db, dialect }: Database): Promise<string[]> {
  const tables =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`
          select m.name as name from sqlite_master m, pragma_table_info(m.name) c
          where m.type = 'table' and c.name = 'student_id' order by m.name`.execute(db)
      : await sql<{ name: string }>`
          select table_name as name from information_schema.columns
          where table_schema = current_schema() and column_name = 'student_id'
          order by table_name`.execute(db)

  const problems: string[] = []
  for (const { name } of tables.rows) {
    const { rows } = await sql<{ count: string | number }>`
      select count(*) as count from ${sql.id(name)} t
      where t.student_id is not null
        and not exists (select 1 from students s where s.id = t.student_id)`.execute(db)
    const orphans = Number(rows[0]?.count ?? 0)
    if (orphans > 0) problems.push(`${orphans} rows of ${name} name a student who is not there`)
  }
  return problems
}
