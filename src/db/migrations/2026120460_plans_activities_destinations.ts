import type { AnyKysely } from '../dialect.js'
import { addIdColumn } from '../dialect.js'

// Step 3: career plans, careers activities and destinations.
//
// Every table that holds something about one student has a `student_id` column, so subject access
// and erasure can find it (student-records.repository.ts reads and deletes each one). Dates are
// ISO text (YYYY-MM-DD) and timestamps ISO 8601 text, as in the other tables. Each editable record
// has a `version` that an update must match, so a second person's edit is refused, not lost.

export async function up(db: AnyKysely): Promise<void> {
  // One plan per student. Its version covers the plan and every part of it, so two people editing
  // any section of the same plan cannot overwrite each other.
  await addIdColumn(db, db.schema.createTable('career_plans'))
    .addColumn('school_id', 'integer', (column) => column.notNull().references('schools.id'))
    .addColumn('student_id', 'integer', (column) =>
      column.notNull().unique().references('students.id'),
    )
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_by', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute()

  // What the student wants, in their words, and how it was gathered: `own_words`, `with_support`,
  // `symbols_aac` or `family_view`.
  await planPart(db, 'plan_aspirations')
    .addColumn('words', 'text', (column) => column.notNull())
    .addColumn('gathered_how', 'text', (column) => column.notNull())
    .addColumn('recorded_on', 'text', (column) => column.notNull())
    .execute()

  // A Preparing for Adulthood goal. `area`: `employment`, `independent_living`, `community` or
  // `health`. `status`: `active`, `achieved` or `stopped`.
  await planPart(db, 'plan_goals')
    .addColumn('area', 'text', (column) => column.notNull())
    .addColumn('goal', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .execute()

  // Up to three catalogue outcomes, ranked 1 to 3, each with an optional planned start, which is
  // the date its eligibility is evaluated on.
  await planPart(db, 'plan_targets')
    .addColumn('rank', 'integer', (column) => column.notNull())
    .addColumn('outcome_id', 'text', (column) => column.notNull())
    .addColumn('planned_start', 'text')
    .addColumn('note', 'text')
    .addUniqueConstraint('plan_targets_plan_rank', ['plan_id', 'rank'])
    .execute()

  // `status`: `not_started`, `in_progress`, `done` or `dropped`.
  await planPart(db, 'plan_actions')
    .addColumn('what', 'text', (column) => column.notNull())
    .addColumn('who', 'text', (column) => column.notNull())
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (column) => column.notNull())
    .execute()

  // `kind`: `ehcp_annual`, `careers_guidance` or `transition`. `pfa_areas` lists the Preparing for
  // Adulthood areas the review covered, between commas (`,employment,health,`), or `,` for none.
  await planPart(db, 'plan_reviews')
    .addColumn('held_on', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('participants', 'text', (column) => column.notNull())
    .addColumn('summary', 'text', (column) => column.notNull())
    .addColumn('next_review_on', 'text')
    .addColumn('pfa_areas', 'text', (column) => column.notNull().defaultTo(','))
    .execute()
  await db.schema
    .createIndex('plan_reviews_next_idx')
    .on('plan_reviews')
    .columns(['school_id', 'next_review_on'])
    .execute()

  // One careers activity, which one or many students took part in. `kind`: `employer_encounter`,
  // `workplace_experience`, `education_encounter` or `guidance_interview`. `benchmark` is the
  // Gatsby Benchmark number (1 to 8) it evidences; the wording shown is chosen by `held_on`.
  await addIdColumn(db, db.schema.createTable('careers_activities'))
    .addColumn('school_id', 'integer', (column) => column.notNull().references('schools.id'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('held_on', 'text', (column) => column.notNull())
    .addColumn('provider', 'text')
    .addColumn('benchmark', 'integer', (column) => column.notNull())
    .addColumn('adjustments', 'text')
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_by', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute()
  await db.schema
    .createIndex('careers_activities_school_held_idx')
    .on('careers_activities')
    .columns(['school_id', 'held_on'])
    .execute()

  // A student's part in an activity: the adjustments made for them and their reflection.
  await addIdColumn(db, db.schema.createTable('careers_activity_students'))
    .addColumn('activity_id', 'integer', (column) =>
      column.notNull().references('careers_activities.id'),
    )
    .addColumn('school_id', 'integer', (column) => column.notNull().references('schools.id'))
    .addColumn('student_id', 'integer', (column) => column.notNull().references('students.id'))
    .addColumn('adjustments', 'text')
    .addColumn('reflection', 'text')
    .addUniqueConstraint('careers_activity_students_once', ['activity_id', 'student_id'])
    .execute()
  await db.schema
    .createIndex('careers_activity_students_student_idx')
    .on('careers_activity_students')
    .column('student_id')
    .execute()

  // A destination spell (domain.md section 6). `intent`: `intended` or `actual`. `paid` is 1, 0
  // or null when not recorded. `nccis_code` is the code given when it differs from the one the
  // type maps to, or null. `reason` is why a spell that needs one was accepted.
  await addIdColumn(db, db.schema.createTable('destination_spells'))
    .addColumn('school_id', 'integer', (column) => column.notNull().references('schools.id'))
    .addColumn('student_id', 'integer', (column) => column.notNull().references('students.id'))
    .addColumn('intent', 'text', (column) => column.notNull())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('start_date', 'text', (column) => column.notNull())
    .addColumn('end_date', 'text')
    .addColumn('hours_per_week', 'real')
    .addColumn('paid', 'integer')
    .addColumn('provider', 'text')
    .addColumn('checked_on', 'text')
    .addColumn('nccis_code', 'text')
    .addColumn('reason', 'text')
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_by', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute()
  await db.schema
    .createIndex('destination_spells_student_idx')
    .on('destination_spells')
    .columns(['student_id', 'start_date'])
    .execute()

  // Consent to track destinations after 16. `status`: `given`, `refused` or `withdrawn`.
  await addIdColumn(db, db.schema.createTable('tracking_consents'))
    .addColumn('school_id', 'integer', (column) => column.notNull().references('schools.id'))
    .addColumn('student_id', 'integer', (column) =>
      column.notNull().unique().references('students.id'),
    )
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('recorded_on', 'text', (column) => column.notNull())
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('updated_by', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute()

  // A destinations file waiting for a person to commit it. The id is a random UUID, as for
  // register previews. `fingerprint` is the school's spells (count, version sum, largest id) when
  // the preview was made, so the commit can refuse when they changed since.
  await db.schema
    .createTable('destination_import_previews')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('school_id', 'integer', (column) => column.notNull().references('schools.id'))
    .addColumn('file_name', 'text', (column) => column.notNull())
    .addColumn('format', 'text', (column) => column.notNull())
    .addColumn('created_by', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .addColumn('fingerprint', 'text', (column) => column.notNull())
    .addColumn('summary', 'text', (column) => column.notNull())
    .execute()

  // One row of a destinations file. `student_id` is the student its UPN matched, or null. `input`
  // is the row as read, `spell` the spell to store (null when rejected), both JSON, as are the
  // `errors` and `warnings` lists.
  await db.schema
    .createTable('destination_import_rows')
    .addColumn('preview_id', 'text', (column) =>
      column.notNull().references('destination_import_previews.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (column) => column.notNull())
    .addColumn('line', 'integer', (column) => column.notNull())
    .addColumn('upn', 'text')
    .addColumn('student_id', 'integer')
    .addColumn('input', 'text', (column) => column.notNull())
    .addColumn('spell', 'text')
    .addColumn('errors', 'text', (column) => column.notNull())
    .addColumn('warnings', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('destination_import_rows_pk', ['preview_id', 'position'])
    .execute()
  await db.schema
    .createIndex('destination_import_rows_student_idx')
    .on('destination_import_rows')
    .column('student_id')
    .execute()
}

/** Starts a table for one part of a career plan, with the columns every part shares. */
function planPart(db: AnyKysely, name: string) {
  return addIdColumn(db, db.schema.createTable(name))
    .addColumn('plan_id', 'integer', (column) => column.notNull().references('career_plans.id'))
    .addColumn('school_id', 'integer', (column) => column.notNull().references('schools.id'))
    .addColumn('student_id', 'integer', (column) => column.notNull().references('students.id'))
    .addColumn('created_by', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_by', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
}

export async function down(db: AnyKysely): Promise<void> {
  for (const table of [
    'destination_import_rows',
    'destination_import_previews',
    'tracking_consents',
    'destination_spells',
    'careers_activity_students',
    'careers_activities',
    'plan_reviews',
    'plan_actions',
    'plan_targets',
    'plan_goals',
    'plan_aspirations',
    'career_plans',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
