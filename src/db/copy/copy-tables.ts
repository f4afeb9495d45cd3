import type { Tables } from '../tables.js'

// Every table of the schema and what `send-careers copy` does with it, in an order where each
// table comes after the tables its keys point to. copy-tables.test.ts fails when a migration adds
// a table that is missing here, so a new table is never left behind by a copy without a decision.

export type TableName = keyof Tables

/** The rule the copy applies to one table. */
export type CopyRule =
  /** Rows are inserted without their ids, and the new ids are kept for the tables after it. */
  | { kind: 'copy'; references: Partial<Record<string, TableName>> }
  /** Rows are not copied, for the reason given, which the command prints. */
  | { kind: 'skip'; reason: string }

const SHORT_LIVED = 'short-lived; not copied'

/** Columns that hold a school or a student id, which nearly every student table has. */
const SCHOOL_AND_STUDENT = { school_id: 'schools', student_id: 'students' } as const

/** Columns of the parts of a career plan. */
const PLAN_PART = { plan_id: 'career_plans', ...SCHOOL_AND_STUDENT } as const

export const COPY_TABLES: readonly (readonly [TableName, CopyRule])[] = [
  ['organisations', { kind: 'copy', references: {} }],
  ['schools', { kind: 'copy', references: { organisation_id: 'organisations' } }],
  ['users', { kind: 'copy', references: {} }],
  [
    'user_roles',
    {
      kind: 'copy',
      references: { user_id: 'users', school_id: 'schools', organisation_id: 'organisations' },
    },
  ],
  ['recovery_codes', { kind: 'copy', references: { user_id: 'users' } }],
  ['sign_in_tokens', { kind: 'skip', reason: `one-time password links, ${SHORT_LIVED}` }],
  ['sessions', { kind: 'skip', reason: `sign-in sessions, ${SHORT_LIVED}` }],
  ['students', { kind: 'copy', references: { school_id: 'schools' } }],
  ['group_overrides', { kind: 'copy', references: { student_id: 'students' } }],
  ['group_override_history', { kind: 'copy', references: { student_id: 'students' } }],
  ['imports', { kind: 'copy', references: { school_id: 'schools' } }],
  [
    'import_previews',
    { kind: 'skip', reason: `register imports waiting to be confirmed, ${SHORT_LIVED}` },
  ],
  ['import_preview_rows', { kind: 'skip', reason: `rows of those previews, ${SHORT_LIVED}` }],
  ['need_code_mappings', { kind: 'copy', references: { school_id: 'schools' } }],
  ['career_plans', { kind: 'copy', references: SCHOOL_AND_STUDENT }],
  ['plan_aspirations', { kind: 'copy', references: PLAN_PART }],
  ['plan_goals', { kind: 'copy', references: PLAN_PART }],
  ['plan_targets', { kind: 'copy', references: PLAN_PART }],
  ['plan_actions', { kind: 'copy', references: PLAN_PART }],
  ['plan_reviews', { kind: 'copy', references: PLAN_PART }],
  ['my_future_views', { kind: 'copy', references: SCHOOL_AND_STUDENT }],
  ['careers_activities', { kind: 'copy', references: { school_id: 'schools' } }],
  [
    'careers_activity_students',
    { kind: 'copy', references: { activity_id: 'careers_activities', ...SCHOOL_AND_STUDENT } },
  ],
  ['destination_spells', { kind: 'copy', references: SCHOOL_AND_STUDENT }],
  ['tracking_consents', { kind: 'copy', references: SCHOOL_AND_STUDENT }],
  [
    'destination_import_previews',
    { kind: 'skip', reason: `destinations files waiting to be confirmed, ${SHORT_LIVED}` },
  ],
  ['destination_import_rows', { kind: 'skip', reason: `rows of those previews, ${SHORT_LIVED}` }],
  [
    'pseudonym_secrets',
    { kind: 'copy', references: { organisation_id: 'organisations', school_id: 'schools' } },
  ],
  ['rate_limits', { kind: 'skip', reason: `sign-in attempt counters, ${SHORT_LIVED}` }],
  // Last, so that every id its rows and details name is already mapped.
  ['audit_events', { kind: 'copy', references: SCHOOL_AND_STUDENT }],
]

/** Tables whose rows have no `id` column of their own. */
export const TABLES_WITHOUT_ID: ReadonlySet<TableName> = new Set([
  'group_overrides',
  'sign_in_tokens',
  'sessions',
  'import_preview_rows',
  'destination_import_rows',
  'rate_limits',
])

/**
 * Keys of audit event details that hold the id of a row in another table: `<kind>_id` of a plan
 * part change, the activity and the destination spell. A value is an id or `{ from, to }` ids.
 */
export const AUDIT_DETAIL_REFERENCES: Readonly<Record<string, TableName>> = {
  aspiration_id: 'plan_aspirations',
  goal_id: 'plan_goals',
  action_id: 'plan_actions',
  review_id: 'plan_reviews',
  activity_id: 'careers_activities',
  spell_id: 'destination_spells',
}

/** Kinds in my_future_views.choices whose keys are plan part ids. Other kinds are keyed by outcome id. */
export const MY_FUTURE_CHOICE_PARTS: Readonly<Record<string, TableName>> = {
  aspiration: 'plan_aspirations',
  goal: 'plan_goals',
  action: 'plan_actions',
}
