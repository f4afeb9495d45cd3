import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

// Row types of the database, in snake_case as stored. Calendar dates are `yyyy-mm-dd` text and
// moments are ISO 8601 UTC text on both engines, so no value changes with the engine or time zone.

export interface SchoolTable {
  id: Generated<number>
  name: string
  created_at: string
  /** The trust or local authority the school belongs to, if any. */
  organisation_id: number | null
}

export interface OrganisationTable {
  id: Generated<number>
  name: string
  /** `trust` or `local_authority`. */
  kind: string
  created_at: string
}

export interface UserTable {
  id: Generated<number>
  /** Lower case, trimmed: the sign-in name. */
  email: string
  display_name: string
  /** An argon2id PHC string, or null until the user has chosen a password. */
  password_hash: string | null
  password_set_at: string | null
  // NOTE: stored as written, so a copy of the database holds every second factor (see
  // docs/decisions/2026-12-04-accounts-and-the-operator.md).
  /** The base32 TOTP secret, set when enrolment starts and trusted once totp_enabled_at is set. */
  totp_secret: string | null
  totp_enabled_at: string | null
  /** The last TOTP time step accepted, so one code cannot be used twice. */
  totp_last_step: number | null
  failed_attempts: Generated<number>
  locked_until: string | null
  disabled_at: string | null
  created_by: string
  created_at: string
}

/** A role held at one school, or at an organisation (and so at each of its schools). */
export interface UserRoleTable {
  id: Generated<number>
  user_id: number
  school_id: number | null
  organisation_id: number | null
  role: string
  granted_by: string
  granted_at: string
}

export interface RecoveryCodeTable {
  id: Generated<number>
  user_id: number
  /** SHA-256 of the code, in hex. The codes are random, so a slow hash adds nothing. */
  code_hash: string
  used_at: string | null
}

export interface SignInTokenTable {
  token_hash: string
  user_id: number
  created_at: string
  expires_at: string
  used_at: string | null
}

export interface SessionTable {
  /** SHA-256 of the cookie's token, in hex. */
  token_hash: string
  user_id: number
  created_at: string
  last_seen_at: string
  /** The absolute end of the session, whatever its activity. */
  expires_at: string
  /** When the user passed the second factor in this session, or null. */
  second_factor_at: string | null
  revoked_at: string | null
}

export interface StudentTable {
  id: Generated<number>
  school_id: number
  upn: string | null
  uln: string | null
  mis_id: string | null
  former_upn: string | null
  legal_surname: string
  legal_forename: string
  preferred_surname: string | null
  preferred_forename: string | null
  date_of_birth: string
  nc_year: string | null
  provision_code: string
  primary_need: string | null
  secondary_need: string | null
  ehc_plan_start_date: string | null
  ehc_plan_review_date: string | null
  pathway: string | null
  /** The user who recorded the pathway on screen or at the command line, or null if imported. */
  pathway_set_by: string | null
  pathway_set_at: string | null
  /** The Career SEND group after any override, stored so the students list can filter on it. */
  group: string | null
  basis: string | null
  /** Group flags between commas (`,provisional,atypical,`), or `,` for none, for `like '%,x,%'`. */
  flags: string
  /** The area of the primary need, or of the secondary need when the primary has none. */
  need_area: string | null
  /** 1 when an override exists and the computed group has changed since it was made. */
  has_conflict: number
  /** Lower-case surname then forename, for a sort that is the same on both engines. */
  sort_name: string
  /** Lower-case names and identifiers, for searching with one `like`. */
  search_text: string
  /** 1 or 0; better-sqlite3 cannot bind booleans, so both engines store an integer. */
  in_latest_import: number
  left_on: string | null
  /** When retention replaced the names, identifiers and exact date of birth, or null. */
  pseudonymised_at: string | null
  /** Incremented on every write, so a stored import preview can tell that a student changed. */
  version: number
  created_at: string
  updated_at: string
}

export interface GroupOverrideTable {
  student_id: number
  group: string
  reason: string
  made_by: string
  made_at: string
  computed_group_at_override: string | null
}

export interface GroupOverrideHistoryTable {
  id: Generated<number>
  student_id: number
  group: string
  reason: string
  made_by: string
  made_at: string
  ended_by: string
  ended_at: string
  /** `replaced` by a newer override, or `removed` by staff. */
  ended_how: string
}

export interface AuditEventTable {
  id: Generated<number>
  /** When, as an ISO 8601 timestamp. */
  at: string
  actor: string
  action: string
  school_id: number | null
  student_id: number | null
  /** JSON: changed fields with their old and new values, or counts. */
  details: string
}

export interface ImportTable {
  id: Generated<number>
  school_id: number
  file_name: string
  format: string
  started_at: string
  committed_at: string
  new_count: number
  updated_count: number
  unchanged_count: number
  rejected_count: number
  warning_count: number
  not_in_file_count: number
  /** 1 when the file listed only some students, so no one was marked not in the latest import. */
  partial: Generated<number>
}

export interface ImportPreviewTable {
  /** A random UUID, so a preview cannot be guessed from another's id. */
  id: string
  school_id: number
  created_at: string
  expires_at: string
  file_name: string
  format: string
  /** JSON arrays of text: the fields the file has a column for, unknown headers, file warnings. */
  fields: string
  unknown_columns: string
  file_warnings: string
  new_count: Generated<number>
  updated_count: Generated<number>
  unchanged_count: Generated<number>
  rejected_count: Generated<number>
  warning_count: Generated<number>
  not_in_file_count: Generated<number>
  /** 1 when the file lists only some students, so the commit marks no one not in the file. */
  partial: Generated<number>
  /**
   * The school's student count, sum of versions and largest id when the preview was made. The
   * commit compares them to detect a student changed or added since.
   */
  student_count: number
  version_sum: number
  max_student_id: number
}

/** One row of a file staged for an import preview, compared with the stored students. */
export interface ImportPreviewRowTable {
  preview_id: string
  /** The row's place among the file's staged rows, from 0, after exact repeats are dropped. */
  position: number
  line: number
  status: string
  key_kind: string | null
  key_value: string | null
  /** JSON text: changed field names, the student input (null when rejected) and issue lists. */
  changed_fields: string
  input: string | null
  errors: string
  warnings: string
  /** The stored student the row matched and that student's version when compared. */
  matched_student_id: number | null
  matched_version: number | null
}

export interface NeedCodeMappingTable {
  id: Generated<number>
  /** The school the mapping applies to, or null for every school. */
  school_id: number | null
  code: string
  area: string
  description: string | null
  created_at: string
}

/** The columns every part of a career plan shares. */
interface PlanPartColumns {
  id: Generated<number>
  plan_id: number
  school_id: number
  student_id: number
  created_by: string
  created_at: string
  updated_by: string
  updated_at: string
}

export interface CareerPlanTable {
  id: Generated<number>
  school_id: number
  student_id: number
  /** Raised by every change to the plan or any of its parts; an update must name the current one. */
  version: Generated<number>
  created_by: string
  created_at: string
  updated_by: string
  updated_at: string
}

export interface PlanAspirationTable extends PlanPartColumns {
  words: string
  /** `own_words`, `with_support`, `symbols_aac` or `family_view`. */
  gathered_how: string
  recorded_on: string
}

export interface PlanGoalTable extends PlanPartColumns {
  /** `employment`, `independent_living`, `community` or `health`. */
  area: string
  goal: string
  /** `active`, `achieved` or `stopped`. */
  status: string
}

export interface PlanTargetTable extends PlanPartColumns {
  /** 1 to 3, unique within a plan. */
  rank: number
  outcome_id: string
  planned_start: string | null
  note: string | null
}

export interface PlanActionTable extends PlanPartColumns {
  what: string
  who: string
  due_on: string | null
  /** `not_started`, `in_progress`, `done` or `dropped`. */
  status: string
}

/** Settings staff chose for a student's "My future" page. One row per student. */
export interface MyFutureViewTable {
  id: Generated<number>
  school_id: number
  student_id: number
  /** Raised by every save; an update must name the current one. */
  version: Generated<number>
  about_me: string
  likes: string
  /** JSON array of `{ "name": string, "role": string }`. */
  helpers: string
  /** JSON object from part kind to an object from part or outcome id to shown (true) or hidden. */
  choices: string
  created_by: string
  created_at: string
  updated_by: string
  updated_at: string
}

export interface PlanReviewTable extends PlanPartColumns {
  held_on: string
  /** `ehcp_annual`, `careers_guidance` or `transition`. */
  kind: string
  participants: string
  summary: string
  next_review_on: string | null
  /** Preparing for Adulthood areas covered, between commas (`,employment,health,`), or `,`. */
  pfa_areas: Generated<string>
  /** Why the review did not cover every area, or null. */
  pfa_reason: string | null
}

export interface CareersActivityTable {
  id: Generated<number>
  school_id: number
  /** `employer_encounter`, `workplace_experience`, `education_encounter` or `guidance_interview`. */
  kind: string
  title: string
  held_on: string
  provider: string | null
  /** The Gatsby Benchmark number, 1 to 8. */
  benchmark: number
  /** Adjustments made for everyone who took part. */
  adjustments: string | null
  version: Generated<number>
  created_by: string
  created_at: string
  updated_by: string
  updated_at: string
}

export interface CareersActivityStudentTable {
  id: Generated<number>
  activity_id: number
  school_id: number
  student_id: number
  /** Adjustments made for this student, beyond the activity's own. */
  adjustments: string | null
  reflection: string | null
  /** Starts at 1 and rises by 1 on each change to the adjustments or reflection. */
  version: Generated<number>
}

export interface DestinationSpellTable {
  id: Generated<number>
  school_id: number
  student_id: number
  /** `intended` or `actual`. */
  intent: string
  type: string
  start_date: string
  end_date: string | null
  hours_per_week: number | null
  /** 1, 0, or null when not recorded. */
  paid: number | null
  provider: string | null
  checked_on: string | null
  /** The NCCIS code given where it differs from the type's own, or null. */
  nccis_code: string | null
  /** Why a spell that needs a reason was accepted. */
  reason: string | null
  version: Generated<number>
  created_by: string
  created_at: string
  updated_by: string
  updated_at: string
}

export interface TrackingConsentTable {
  id: Generated<number>
  school_id: number
  student_id: number
  /** `given`, `refused` or `withdrawn`. */
  status: string
  recorded_on: string
  note: string | null
  version: Generated<number>
  updated_by: string
  updated_at: string
}

export interface DestinationImportPreviewTable {
  /** A random UUID. */
  id: string
  school_id: number
  file_name: string
  format: string
  created_by: string
  created_at: string
  expires_at: string
  /** The school's spells when the preview was made: JSON of count, version sum and largest id. */
  fingerprint: string
  /** JSON counts and file-level messages. */
  summary: string
}

export interface DestinationImportRowTable {
  preview_id: string
  position: number
  line: number
  upn: string | null
  student_id: number | null
  /** JSON: the row as read, the spell to store (null when rejected), and the message lists. */
  input: string
  spell: string | null
  errors: string
  warnings: string
}

/**
 * The secret an organisation's pseudonymous student keys are derived from (HMAC-SHA256). Exactly
 * one of organisation_id and school_id is set.
 */
export interface PseudonymSecretTable {
  id: Generated<number>
  organisation_id: number | null
  school_id: number | null
  // NOTE: the secret is as sensitive as the data. With it and a list of UPNs, anyone can tell
  // which student a key in a local authority return belongs to. No page, command or export
  // shows it, but a copy of the database contains it.
  /** 32 random bytes in hex. */
  secret: string
  created_at: string
}

/** One client's request counter on one route, for @fastify/rate-limit. */
export interface RateLimitTable {
  /**
   * SHA-256 in hex of the route and the client's key (its address), so no address is stored as
   * written. A hash of an IPv4 address can still be reversed by trying every address.
   */
  key: string
  /** Requests in the current window. */
  hits: number
  /** When the window ends, in milliseconds since 1970 UTC. pg returns a bigint as a string. */
  reset_at: ColumnType<number | string, number, number>
}

export interface Tables {
  organisations: OrganisationTable
  schools: SchoolTable
  users: UserTable
  user_roles: UserRoleTable
  recovery_codes: RecoveryCodeTable
  sign_in_tokens: SignInTokenTable
  sessions: SessionTable
  students: StudentTable
  audit_events: AuditEventTable
  group_overrides: GroupOverrideTable
  group_override_history: GroupOverrideHistoryTable
  imports: ImportTable
  import_previews: ImportPreviewTable
  import_preview_rows: ImportPreviewRowTable
  need_code_mappings: NeedCodeMappingTable
  career_plans: CareerPlanTable
  plan_aspirations: PlanAspirationTable
  plan_goals: PlanGoalTable
  plan_targets: PlanTargetTable
  plan_actions: PlanActionTable
  plan_reviews: PlanReviewTable
  my_future_views: MyFutureViewTable
  careers_activities: CareersActivityTable
  careers_activity_students: CareersActivityStudentTable
  destination_spells: DestinationSpellTable
  tracking_consents: TrackingConsentTable
  destination_import_previews: DestinationImportPreviewTable
  destination_import_rows: DestinationImportRowTable
  pseudonym_secrets: PseudonymSecretTable
  rate_limits: RateLimitTable
}

export type StudentRow = Selectable<StudentTable>
export type NewStudentRow = Insertable<StudentTable>
export type StudentRowUpdate = Updateable<StudentTable>
export type GroupOverrideRow = Selectable<GroupOverrideTable>
export type NeedCodeMappingRow = Selectable<NeedCodeMappingTable>
export type UserRow = Selectable<UserTable>
export type SessionRow = Selectable<SessionTable>
