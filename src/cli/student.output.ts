import type { GroupAssignment } from '../domain/types.js'
import { provisionOf } from '../domain/census.js'
import type { Student } from '../features/students/student.js'

export interface StudentView {
  student: Student
  assignment: GroupAssignment
}

/** Converts one student to the documented JSON of `send-careers students --format json`. */
export function studentAsJson({ student, assignment }: StudentView) {
  return {
    id: student.id,
    schoolId: student.schoolId,
    upn: student.upn,
    uln: student.uln,
    misId: student.misId,
    legalSurname: student.legalSurname,
    legalForename: student.legalForename,
    preferredSurname: student.preferredSurname,
    preferredForename: student.preferredForename,
    dateOfBirth: student.dateOfBirth,
    ncYear: student.ncYear,
    provision: provisionOf(student.provisionCode),
    provisionCode: student.provisionCode,
    primaryNeed: student.primaryNeed,
    secondaryNeed: student.secondaryNeed,
    ehcPlanStartDate: student.ehcPlanStartDate,
    pathway: student.pathway,
    group: assignment.group,
    basis: assignment.basis,
    flags: assignment.flags,
    explanation: assignment.explanation,
    override: assignment.override,
    conflict: assignment.conflict,
    inLatestImport: student.inLatestImport,
  }
}
