// Careers activities and the Gatsby Benchmarks they evidence for each student. A student's record
// can evidence Benchmarks 2 to 8. Benchmark 1 is the school's programme as a whole, so no single
// activity shows it.
import { addYears, isValidIsoDate } from './calendar.js'
import { formatLongDate } from './format.js'
import type { BenchmarkNumber } from './gatsby.js'
import { controlCharacterProblem } from './text.js'
import type { IsoDate } from './types.js'

export const ACTIVITY_KINDS = [
  'employer_encounter',
  'workplace_experience',
  'education_encounter',
  'guidance_interview',
] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

export interface ActivityKindInfo {
  kind: ActivityKind
  label: string
  /** The benchmark an activity of this kind usually evidences, used when none is chosen. */
  benchmark: BenchmarkNumber
}

export const ACTIVITY_KIND_INFO: Record<ActivityKind, ActivityKindInfo> = {
  employer_encounter: {
    kind: 'employer_encounter',
    label: 'Encounter with employers or employees',
    benchmark: 5,
  },
  workplace_experience: {
    kind: 'workplace_experience',
    label: 'Experience of a workplace',
    benchmark: 6,
  },
  education_encounter: {
    kind: 'education_encounter',
    label: 'Encounter with further or higher education',
    benchmark: 7,
  },
  guidance_interview: {
    kind: 'guidance_interview',
    label: 'Personal guidance interview',
    benchmark: 8,
  },
}

/** The benchmarks a student's activities can evidence, in order. */
export const STUDENT_BENCHMARKS = [2, 3, 4, 5, 6, 7, 8] as const satisfies BenchmarkNumber[]
export type StudentBenchmark = (typeof STUDENT_BENCHMARKS)[number]

export function isActivityKind(value: string): value is ActivityKind {
  return (ACTIVITY_KINDS as readonly string[]).includes(value)
}

export function isStudentBenchmark(value: number): value is StudentBenchmark {
  return (STUDENT_BENCHMARKS as readonly number[]).includes(value)
}

/** One activity as evidence: the benchmark it counts towards and the day it was held. */
export interface ActivityEvidence {
  benchmark: number
  heldOn: IsoDate
}

/**
 * Whether an activity is still to come: dated after today. Such an activity may be recorded, so
 * that a school can plan ahead, but it is not evidence of a benchmark until its date.
 */
export function isPlanned(heldOn: IsoDate, today: IsoDate): boolean {
  return heldOn > today
}

export interface BenchmarkCoverage {
  benchmark: StudentBenchmark
  /** Activities held on or before today that evidence the benchmark. */
  count: number
  /** The most recent of them, or null when there are none. */
  latest: IsoDate | null
  /** Activities against the benchmark dated after today, which are not counted yet. */
  planned: number
  /** The earliest of the planned activities, or null when there are none. */
  nextPlanned: IsoDate | null
}

/**
 * Counts a student's activities held on or before `today` against each of Benchmarks 2 to 8, with
 * the latest date of each, and lists the planned ones apart. An activity recorded against
 * Benchmark 1 or an unknown number counts towards none of them.
 */
export function studentCoverage(
  activities: readonly ActivityEvidence[],
  today: IsoDate,
): BenchmarkCoverage[] {
  return STUDENT_BENCHMARKS.map((benchmark) => {
    const dates = activities
      .filter((activity) => activity.benchmark === benchmark)
      .map((activity) => activity.heldOn)
    const held = dates.filter((date) => !isPlanned(date, today))
    const planned = dates.filter((date) => isPlanned(date, today))
    const latest = held.length > 0 ? held.reduce((a, b) => (b > a ? b : a)) : null
    const nextPlanned = planned.length > 0 ? planned.reduce((a, b) => (b < a ? b : a)) : null
    return { benchmark, count: held.length, latest, planned: planned.length, nextPlanned }
  })
}

export interface CohortStudent {
  /** The National Curriculum year (`R`, `1` to `14`, `X`), or null when the register has none. */
  yearGroup: string | null
  activities: readonly ActivityEvidence[]
}

export interface YearGroupCoverage {
  yearGroup: string | null
  students: number
  benchmarks: { benchmark: StudentBenchmark; covered: number; share: number }[]
}

/** Orders year groups R, 1 to 14, X, then any other value, with no year group last. */
export function compareYearGroups(a: string | null, b: string | null): number {
  return yearGroupRank(a) - yearGroupRank(b) || String(a).localeCompare(String(b))
}

function yearGroupRank(yearGroup: string | null): number {
  if (yearGroup === null) return 100
  if (yearGroup === 'R') return 0
  if (/^\d{1,2}$/.test(yearGroup)) return Number(yearGroup)
  return yearGroup === 'X' ? 50 : 60
}

/**
 * Counts, for each year group, the students with at least one activity held on or before `today`
 * evidencing each of Benchmarks 2 to 8. Planned activities, dated after today, are not counted.
 * `share` is that count over the year group's students, from 0 to 1.
 */
export function cohortCoverage(
  students: readonly CohortStudent[],
  today: IsoDate,
): YearGroupCoverage[] {
  const byYear = new Map<string | null, CohortStudent[]>()
  for (const student of students) {
    byYear.set(student.yearGroup, [...(byYear.get(student.yearGroup) ?? []), student])
  }

  const yearGroups = [...byYear.keys()].sort(compareYearGroups)
  return yearGroups.map((yearGroup) => {
    const members = byYear.get(yearGroup) ?? []
    const benchmarks = STUDENT_BENCHMARKS.map((benchmark) => {
      const covered = members.filter((student) =>
        student.activities.some(
          (activity) => activity.benchmark === benchmark && !isPlanned(activity.heldOn, today),
        ),
      ).length
      return { benchmark, covered, share: covered / members.length }
    })
    return { yearGroup, students: members.length, benchmarks }
  })
}

export const MAX_TITLE_LENGTH = 200
export const MAX_PROVIDER_LENGTH = 200
export const MAX_NOTE_LENGTH = 2000
export const EARLIEST_ACTIVITY_DATE: IsoDate = '2000-01-01'

/** The fields of an activity that every student on it shares, as typed and trimmed. */
export interface ActivityFields {
  kind: string
  title: string
  heldOn: IsoDate
  provider: string | null
  /**
   * The benchmark chosen, or the kind's usual one when none is chosen. Null when none is chosen
   * and the kind is unknown, so there is no usual benchmark to take.
   */
  benchmark: number | null
  adjustments: string | null
}

export type ActivityField = keyof ActivityFields

export interface ActivityProblem {
  field: ActivityField
  message: string
}

export const activityMessages = {
  kind: 'Select the kind of activity',
  kindForBenchmark:
    'Select the kind of activity. The benchmark is left as the usual one for the kind, so it ' +
    'needs a kind',
  titleMissing: 'Enter a title for the activity',
  titleTooLong: (length: number) =>
    `Title must be ${MAX_TITLE_LENGTH} characters or fewer. It has ${length}`,
  providerTooLong: `Provider must be ${MAX_PROVIDER_LENGTH} characters or fewer`,
  adjustmentsTooLong: `Adjustments must be ${MAX_NOTE_LENGTH} characters or fewer`,
  dateInvalid: 'Date of the activity must be a real date',
  dateTooEarly: `Date of the activity must be on or after ${formatLongDate(EARLIEST_ACTIVITY_DATE)}`,
  dateTooLate: (latest: IsoDate) =>
    `Date of the activity must be no later than ${formatLongDate(latest)}, a year from today`,
  benchmark: (value: number) =>
    Number.isNaN(value)
      ? 'Benchmark must be a whole number from 2 to 8'
      : `Benchmark must be a number from 2 to 8, not ${value}`,
}

/** Returns the latest date an activity may be recorded for: one year after today. */
export function latestActivityDate(today: IsoDate): IsoDate {
  return addYears(today, 1)
}

/** Checks an activity's shared fields and returns every problem found, in form order. */
export function checkActivityFields(fields: ActivityFields, today: IsoDate): ActivityProblem[] {
  const problems: ActivityProblem[] = []
  const add = (field: ActivityField, message: string) => problems.push({ field, message })

  // A blank benchmark with no kind is the kind's problem alone: the benchmark would follow from it.
  if (!isActivityKind(fields.kind)) {
    add(
      'kind',
      fields.benchmark === null ? activityMessages.kindForBenchmark : activityMessages.kind,
    )
  }
  if (fields.title === '') add('title', activityMessages.titleMissing)
  else if (fields.title.length > MAX_TITLE_LENGTH) {
    add('title', activityMessages.titleTooLong(fields.title.length))
  }

  if (!isValidIsoDate(fields.heldOn)) add('heldOn', activityMessages.dateInvalid)
  else if (fields.heldOn < EARLIEST_ACTIVITY_DATE) add('heldOn', activityMessages.dateTooEarly)
  else if (fields.heldOn > latestActivityDate(today)) {
    add('heldOn', activityMessages.dateTooLate(latestActivityDate(today)))
  }

  if ((fields.provider ?? '').length > MAX_PROVIDER_LENGTH) {
    add('provider', activityMessages.providerTooLong)
  }
  if (fields.benchmark !== null && !isStudentBenchmark(fields.benchmark)) {
    add('benchmark', activityMessages.benchmark(fields.benchmark))
  }
  if ((fields.adjustments ?? '').length > MAX_NOTE_LENGTH) {
    add('adjustments', activityMessages.adjustmentsTooLong)
  }
  const typed = [
    ['title', 'Title', fields.title, false],
    ['provider', 'Provider', fields.provider ?? '', false],
    ['adjustments', 'Adjustments made for everyone', fields.adjustments ?? '', true],
  ] as const
  for (const [field, name, text, multiline] of typed) {
    const controlProblem = controlCharacterProblem(name, text, multiline)
    if (controlProblem !== null && !problems.some((problem) => problem.field === field)) {
      add(field, controlProblem)
    }
  }
  return problems
}
