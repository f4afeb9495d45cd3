import type { FastifyInstance } from 'fastify'

import { requestScope } from '../../web/scope.js'
import type { StoredStudent } from './student.repository.js'
import type { Scope, StudentService } from './student.service.js'
import { registerStudentProfileRoutes } from './student-profile.routes.js'
import { paginationFor, parseListForm, toListQuery } from './students.query.js'
import {
  BASIS_OPTIONS,
  displayName,
  FLAG_OPTIONS,
  flagTags,
  groupText,
  NEED_OPTIONS,
  provisionLabel,
} from './students.view-model.js'

function toRow(student: StoredStudent) {
  const flags = student.group.flags.split(',').filter(Boolean)
  return {
    id: student.id,
    name: displayName(student),
    upn: student.upn,
    ncYear: student.ncYear,
    provision: provisionLabel(student.provisionCode),
    need: student.primaryNeed,
    group: groupText(student.group.group),
    tags: flagTags(flags, student.group.has_conflict === 1),
  }
}

// A school chosen on the start page narrows the scope, but never widens it.
function narrowScope(scope: Scope, school: number | undefined): Scope {
  if (school === undefined || !scope.schoolIds.includes(school)) return scope
  return { schoolIds: [school] }
}

/** Registers the students list and every page and form of one student. */
export async function registerStudentRoutes(app: FastifyInstance, students: StudentService) {
  app.get('/students', { config: { access: 'students.view' } }, async (request, reply) => {
    const { form, answers, errors } = parseListForm(request.query)
    const fullScope = requestScope(request)
    const schools = await students.listSchools(fullScope)
    const page = {
      pageTitle: 'Students',
      form,
      answers,
      errors,
      schools,
      options: {
        basis: BASIS_OPTIONS,
        flag: FLAG_OPTIONS,
        need: NEED_OPTIONS,
        school: schools.map((school) => ({ value: school.id, text: school.name })),
      },
    }
    // The list is not shown under an error, because it would not match the filters as typed.
    if (errors) return reply.code(400).view('students/views/list.njk', page)

    const result = await students.listStudents(
      narrowScope(fullScope, form.school),
      toListQuery(form),
    )
    return reply.view('students/views/list.njk', {
      ...page,
      erased: (request.query as Record<string, unknown> | undefined)?.erased === '1',
      rows: result.students.map(toRow),
      total: result.total,
      firstShown: result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1,
      lastShown: Math.min(result.page * result.pageSize, result.total),
      pagination: paginationFor(form, result.page, result.total),
    })
  })

  await registerStudentProfileRoutes(app, students)
}
