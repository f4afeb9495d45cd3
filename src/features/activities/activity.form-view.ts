import { isValidIsoDate, toIsoDate } from '../../domain/calendar.js'
import type { FormErrors } from '../../web/form-errors.js'
import {
  benchmarkOptions,
  groupText,
  KIND_OPTIONS,
  yearGroupText,
} from './activities.view-model.js'
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

/** Builds the items of the three ways to choose students, with the typed answers selected. */
function chooserItems(options: ChooserOptions, answers: ActivityAnswers) {
  const ticked = new Set(answers.students)
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
    studentItems: options.students.map((student) => ({
      value: String(student.id),
      text: student.name,
      hint: { text: `${yearGroupText(student.yearGroup)}, ${groupText(student.group)}` },
      checked: ticked.has(String(student.id)),
    })),
    studentCount: options.students.length,
  }
}

/** Builds what the activity form's fields need: the answers, errors and the choices offered. */
export function activityFormContext(
  answers: ActivityAnswers,
  errors: FormErrors | undefined,
  chooser?: ChooserOptions,
) {
  return {
    answers,
    errors,
    kindOptions: KIND_OPTIONS,
    // Benchmark names follow the typed date, because the wording changed on 1 September 2025.
    benchmarkOptions: benchmarkOptions(wordingDate(answers)),
    chooser: chooser ? chooserItems(chooser, answers) : undefined,
  }
}
