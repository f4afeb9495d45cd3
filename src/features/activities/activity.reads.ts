import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import {
  cohortCoverage,
  compareYearGroups,
  isPlanned,
  studentCoverage,
} from '../../domain/careers-activities.js'
import type {
  ActivityEvidence,
  BenchmarkCoverage,
  YearGroupCoverage,
} from '../../domain/careers-activities.js'
import * as schools from '../students/school.repository.js'
import type { School } from '../students/school.repository.js'
import type { Scope } from '../students/student.service.js'
import { toActivity, toParticipant, toStudentSummary } from './activity.js'
import type { Activity, Participant, StudentSummary } from './activity.js'
import * as queries from './activity.queries.js'
import type { ActivityListQuery } from './activity.queries.js'
import * as repository from './activity.repository.js'
import { todayInEngland } from '../eligibility/reference-date.js'

export interface ActivityDetail {
  activity: Activity
  participants: Participant[]
}

export interface ActivityListItem extends Activity {
  studentCount: number
  /** Dated after today, so not yet counted as coverage. */
  planned: boolean
}

export interface StudentActivity extends Activity {
  studentAdjustments: string | null
  reflection: string | null
  /** Dated after today, so not yet counted as coverage. */
  planned: boolean
}

/** The options of the student chooser: the current students, their year groups and groups. */
export interface ChooserOptions {
  students: StudentSummary[]
  yearGroups: { yearGroup: string; count: number }[]
  groups: { group: 'one' | 'two'; count: number }[]
}

/**
 * Creates the read side of the activity service: lists, one activity, coverage and the chooser.
 * `clock` sets today, the last day whose activities count as coverage (its UTC date).
 */
export function createActivityReads(db: Kysely<Tables>, clock: () => Date = () => new Date()) {
  const today = () => todayInEngland(clock())
  return {
    today,

    listSchools: (scope: Scope): Promise<School[]> => schools.listSchools(db, scope.schoolIds),

    async getActivity(scope: Scope, id: number): Promise<ActivityDetail | null> {
      const row = await repository.findActivity(db, scope.schoolIds, id)
      if (!row) return null
      const participants = await repository.listParticipants(db, scope.schoolIds, id)
      return { activity: toActivity(row), participants: participants.map(toParticipant) }
    },

    async listActivities(scope: Scope, query: ActivityListQuery) {
      const result = await queries.listActivities(db, scope.schoolIds, query)
      const now = today()
      const items: ActivityListItem[] = result.rows.map((row) => ({
        ...toActivity(row),
        studentCount: row.student_count,
        planned: isPlanned(row.held_on, now),
      }))
      return { items, total: result.total, page: result.page, pageSize: queries.ACTIVITY_PAGE_SIZE }
    },

    /**
     * Counts, per year group of a school's current students, who has each benchmark evidenced by
     * an activity held on or before today.
     */
    async cohortCoverage(scope: Scope, schoolId: number): Promise<YearGroupCoverage[]> {
      const rows = await queries.listSchoolEvidence(db, scope.schoolIds, schoolId)
      const students = new Map<
        number,
        { yearGroup: string | null; activities: ActivityEvidence[] }
      >()
      for (const row of rows) {
        const student = students.get(row.student_id) ?? { yearGroup: row.nc_year, activities: [] }
        if (row.benchmark !== null && row.held_on !== null) {
          student.activities.push({ benchmark: row.benchmark, heldOn: row.held_on })
        }
        students.set(row.student_id, student)
      }
      return cohortCoverage([...students.values()], today())
    },

    async studentActivities(
      scope: Scope,
      studentId: number,
    ): Promise<{
      student: StudentSummary
      activities: StudentActivity[]
      coverage: BenchmarkCoverage[]
    } | null> {
      const student = await repository.findStudentSummary(db, scope.schoolIds, studentId)
      if (!student) return null
      const rows = await queries.listStudentActivities(db, scope.schoolIds, studentId)
      const now = today()
      const activities = rows.map((row) => ({
        ...toActivity(row),
        studentAdjustments: row.student_adjustments,
        reflection: row.reflection,
        planned: isPlanned(row.held_on, now),
      }))
      const coverage = studentCoverage(activities, now)
      return { student: toStudentSummary(student), activities, coverage }
    },

    async chooserOptions(scope: Scope, schoolId: number): Promise<ChooserOptions> {
      const rows = await repository.listCurrentStudents(db, scope.schoolIds, schoolId)
      const students = rows.map(toStudentSummary)
      return { students, yearGroups: yearGroupCounts(students), groups: groupCounts(students) }
    },
  }
}

function yearGroupCounts(students: StudentSummary[]) {
  const counts = new Map<string, number>()
  for (const student of students) {
    if (student.yearGroup !== null) {
      counts.set(student.yearGroup, (counts.get(student.yearGroup) ?? 0) + 1)
    }
  }
  return [...counts.keys()]
    .sort(compareYearGroups)
    .map((yearGroup) => ({ yearGroup, count: counts.get(yearGroup) ?? 0 }))
}

function groupCounts(students: StudentSummary[]) {
  return (['one', 'two'] as const).map((group) => ({
    group,
    count: students.filter((student) => student.group === group).length,
  }))
}
