import type { AnyKysely } from '../dialect.js'
import { addIdColumn, codePointText } from '../dialect.js'

// Schools, students and the overrides staff make. Calendar dates and moments are text, so both
// engines return the same ISO 8601 strings.

export async function up(db: AnyKysely): Promise<void> {
  await addIdColumn(db, db.schema.createTable('schools'))
    .addColumn('name', 'text', (column) => column.notNull().unique())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute()

  await createStudents(db)
  await createStudentIndexes(db)

  await db.schema
    .createTable('group_overrides')
    .addColumn('student_id', 'integer', (column) =>
      column.primaryKey().references('students.id').onDelete('cascade'),
    )
    .addColumn('group', 'text', (column) => column.notNull())
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('made_by', 'text', (column) => column.notNull())
    .addColumn('made_at', 'text', (column) => column.notNull())
    .addColumn('computed_group_at_override', 'text')
    .execute()
}

async function createStudents(db: AnyKysely): Promise<void> {
  await addIdColumn(db, db.schema.createTable('students'))
    .addColumn('school_id', 'integer', (column) => column.notNull().references('schools.id'))
    .addColumn('upn', 'text')
    .addColumn('uln', 'text')
    .addColumn('mis_id', 'text')
    .addColumn('former_upn', 'text')
    .addColumn('legal_surname', 'text', (column) => column.notNull())
    .addColumn('legal_forename', 'text', (column) => column.notNull())
    .addColumn('preferred_surname', 'text')
    .addColumn('preferred_forename', 'text')
    .addColumn('date_of_birth', 'text', (column) => column.notNull())
    .addColumn('nc_year', 'text')
    .addColumn('provision_code', 'text', (column) => column.notNull())
    .addColumn('primary_need', 'text')
    .addColumn('secondary_need', 'text')
    .addColumn('ehc_plan_start_date', 'text')
    .addColumn('ehc_plan_review_date', 'text')
    .addColumn('pathway', 'text')
    .addColumn('pathway_set_by', 'text')
    .addColumn('pathway_set_at', 'text')
    .addColumn('group', 'text')
    .addColumn('basis', 'text')
    .addColumn('flags', 'text', (column) => column.notNull().defaultTo(','))
    .addColumn('need_area', 'text')
    .addColumn('has_conflict', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('sort_name', codePointText(db), (column) => column.notNull())
    .addColumn('search_text', codePointText(db), (column) => column.notNull())
    .addColumn('in_latest_import', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('left_on', 'text')
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute()
}

// The students list always filters by school first, then sorts by name or filters by group or year.
async function createStudentIndexes(db: AnyKysely): Promise<void> {
  for (const key of ['upn', 'uln', 'mis_id']) {
    await db.schema
      .createIndex(`students_school_${key}_key`)
      .on('students')
      .columns(['school_id', key])
      .unique()
      .where(key, 'is not', null)
      .execute()
  }

  const listIndexes: [string, string[]][] = [
    ['students_school_sort_name_idx', ['school_id', 'sort_name', 'id']],
    ['students_school_group_idx', ['school_id', 'group']],
    ['students_school_nc_year_idx', ['school_id', 'nc_year']],
  ]
  for (const [name, columns] of listIndexes) {
    await db.schema.createIndex(name).on('students').columns(columns).execute()
  }
}

export async function down(db: AnyKysely): Promise<void> {
  await db.schema.dropTable('group_overrides').execute()
  await db.schema.dropTable('students').execute()
  await db.schema.dropTable('schools').execute()
}
