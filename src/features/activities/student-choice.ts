import { groupLabel } from '../../domain/group-label.js'
import { toStudentSummary } from './activity.js'
import type { Problem } from './activity.js'
import type { StudentChoice, StudentSummaryRow } from './activity.repository.js'

export const choiceMessages = {
  noneTicked: 'Select at least one student',
  emptyYear: (yearGroup: string) =>
    `No current students are in year ${yearGroup} at this school. Choose another year group`,
  emptyGroup: (group: 'one' | 'two') =>
    `No current students are in ${groupLabel(group)} at this school. Choose another group`,
  unknown: (id: number) =>
    `Student ${id} is not one of the students you can see. Tick students from the list`,
  otherSchool: (name: string) =>
    `${name} is at another school. Record the activity at their school, or untick them`,
  left: (name: string) => `${name} has left the school. Untick them to record the activity`,
}

/**
 * Checks the students a choice found: at least one, every ticked id found in scope, and each at
 * the activity's school and not marked as left. Returns every problem, one per student.
 */
export function chosenStudentProblems(
  choice: StudentChoice,
  chosen: StudentSummaryRow[],
  schoolId: number,
): Problem[] {
  const problem = (message: string): Problem => ({ field: 'students', message })
  if (choice.by === 'year' && chosen.length === 0) {
    return [problem(choiceMessages.emptyYear(choice.yearGroup))]
  }
  if (choice.by === 'group' && chosen.length === 0) {
    return [problem(choiceMessages.emptyGroup(choice.group))]
  }
  if (choice.by !== 'students') return []
  if (choice.studentIds.length === 0) return [problem(choiceMessages.noneTicked)]

  const found = new Set(chosen.map((student) => student.id))
  const problems = choice.studentIds
    .filter((id) => !found.has(id))
    .map((id) => problem(choiceMessages.unknown(id)))
  for (const row of chosen) {
    const student = toStudentSummary(row)
    if (student.schoolId !== schoolId)
      problems.push(problem(choiceMessages.otherSchool(student.name)))
    else if (student.leftOn !== null) problems.push(problem(choiceMessages.left(student.name)))
  }
  return problems
}
