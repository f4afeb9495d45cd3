import { isValidIsoDate, toIsoDate } from '../../domain/calendar.js'
import { compareYearGroups } from '../../domain/careers-activities.js'
import type { FormErrors } from '../../web/form-errors.js'
import {
  benchmarkOptions,
  groupText,
  KIND_OPTIONS,
  yearGroupText,
} from './activities.view-model.js'
import type { StudentSummary } from './activity.js'
import type { ChooserOptions } from './activity.reads.js'
import type { ActivityAnswers } from './activity.form.js'
import { today } from './route-helpers.js'

/** Returns the date the typed boxes make when it is a real date, and today otherwise. */
function wordingDate(answers: ActivityAnswers): string {
  const parts = {
    year: Number(answers.year),
    month: Number(answers.month),
    day: Number(answers.day),
  }
  const typed = [parts.year, parts.month, parts.day].every(Number.isInteger) ? toIsoDate(parts) : ''
  return isValidIsoDate(typed) ? typed : today()
}

function countText(count: number): string {
  return `${count} ${count === 1 ? 'student' : 'students'}`
}

/** Maximum length of the name filter, in characters. Longer text is cut before matching. */
export const FIND_MAX_LENGTH = 60

/** Reads a typed name filter: trimmed, spaces run together, at most FIND_MAX_LENGTH characters. */
export function readFind(value: unknown): string {
  if (typeof value !== 'string') return ''
  return value.trim().replace(/\s+/g, ' ').slice(0, FIND_MAX_LENGTH)
}

function matchesFind(student: StudentSummary, find: string): boolean {
  return find === '' || student.name.toLowerCase().includes(find.toLowerCase())
}

/**
 * Groups the students offered for ticking by year group, in year order. With a name filter, only
 * the students whose name contains it are listed, and every ticked student, so no tick is lost.
 */
function studentSections(options: ChooserOptions, answers: ActivityAnswers, find: string) {
  const ticked = new Set(answers.students)
  const listed = options.students.filter(
    (student) => ticked.has(String(student.id)) || matchesFind(student, find),
  )
  const byYear = new Map<string | null, StudentSummary[]>()
  for (const student of listed) {
    byYear.set(student.yearGroup, [...(byYear.get(student.yearGroup) ?? []), student])
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => compareYearGroups(a, b))
    .map(([yearGroup, students]) => ({
      // An id made only of letters, digits and hyphens, so a link to it always works.
      id: `students-year-${yearGroup === null ? 'none' : yearGroup.toLowerCase()}`,
      legend: `${yearGroupText(yearGroup)} (${countText(students.length)})`,
      items: students.map((student) => ({
        value: String(student.id),
        text: student.name,
        hint: { text: groupText(student.group) },
        checked: ticked.has(String(student.id)),
      })),
    }))
}

/** Builds the items of the three ways to choose students, with the typed answers selected. */
function chooserItems(
  options: ChooserOptions,
  answers: ActivityAnswers,
  errors: FormErrors | undefined,
  find: string,
) {
  const sections = studentSections(options, answers, find)
  const shownCount = sections.reduce((total, section) => total + section.items.length, 0)
  return {
    yearItems: options.yearGroups.map((item) => ({
      value: item.yearGroup,
      text: `${yearGroupText(item.yearGroup)} (${countText(item.count)})`,
      selected: answers.yearGroup === item.yearGroup,
    })),
    groupItems: options.groups.map((item) => ({
      value: item.group,
      text: `${groupText(item.group)} (${countText(item.count)})`,
      checked: answers.sendGroup === item.group,
    })),
    studentSections: sections,
    studentCount: options.students.length,
    shownCount,
    find,
    // The list of every student is long, so it stays shut unless the person is ticking students,
    // has ticked some, is filtering it, or sent the form back without saying who took part.
    listOpen:
      answers.chooser === 'students' ||
      answers.students.length > 0 ||
      find !== '' ||
      (errors !== undefined && answers.chooser !== 'year' && answers.chooser !== 'group'),
  }
}

/** Builds what the activity form's fields need: the answers, errors and the choices offered. */
export function activityFormContext(
  answers: ActivityAnswers,
  errors: FormErrors | undefined,
  chooser?: ChooserOptions,
  find = '',
) {
  return {
    answers,
    errors,
    kindOptions: KIND_OPTIONS,
    // Benchmark names follow the typed date, because the wording changed on 1 September 2025.
    benchmarkOptions: benchmarkOptions(wordingDate(answers)),
    chooser: chooser ? chooserItems(chooser, answers, errors, find) : undefined,
  }
}
