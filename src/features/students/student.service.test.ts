import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { test } from 'node:test'
import { forEachEngine } from '../../db/test-database.js'
import { createImportService } from '../import/import.service.js'
import { aStudentInput, aValidFile, aValidRow } from '../import/import.test-data.js'
import { createNeedCodeService } from '../need-codes/need-code.service.js'
import { createAuditService } from '../audit/audit.service.js'
import type { StudentInput } from './student.js'
import type { StudentListQuery } from './student.list.js'
import { createStudentService, overrideMessages } from './student.service.js'

forEachEngine('student service', (getDatabase) => {
  async function setUp(inputs: Partial<StudentInput>[] = []) {
    const { db } = getDatabase()
    const students = createStudentService(db)
    const imports = createImportService(db)
    const school = await students.findOrCreateSchool(`School ${randomUUID()}`)
    const file = aValidFile(inputs.map((input) => aValidRow(input)))
    await imports.commit((await imports.preview(school.id, file, 'register.csv')).id)

    const scope = { schoolIds: [school.id] }
    const all = (await students.listStudents(scope, { pageSize: 200 })).students
    const idOf = (surname: string) => all.find((student) => student.legalSurname === surname)!.id
    const surnames = async (query: StudentListQuery) =>
      (await students.listStudents(scope, query)).students.map((student) => student.legalSurname)
    return { students, imports, school, scope, idOf, surnames }
  }

  test('other school invisible to scope', async () => {
    const a = await setUp([{ legalSurname: 'Ames' }])
    const b = await setUp([{ legalSurname: 'Bello' }])
    const bId = b.idOf('Bello')
    await b.students.setOverride(b.scope, bId, { group: 'two', reason: 'Agreed at review' }, 'head')

    const list = await a.students.listStudents(a.scope, { pageSize: 200 })
    const found = await a.students.getStudent(a.scope, bId)
    const pathway = await a.students.setPathway(a.scope, bId, 'GCSE', 'teacher')
    const override = await a.students.setOverride(
      a.scope,
      bId,
      { group: 'one', reason: 'x' },
      'teacher',
    )
    await a.students.clearOverride(a.scope, bId, 'teacher')

    assert.deepEqual(
      list.students.map((student) => student.legalSurname),
      ['Ames'],
    )
    assert.equal(found, null)
    assert.equal(pathway, null)
    assert.deepEqual(override, {
      ok: false,
      error: { code: 'not_found', message: overrideMessages.notFound },
    })
    const untouched = await b.students.getStudent(b.scope, bId)
    assert.equal(untouched?.student.pathway, null)
    assert.equal(untouched?.student.override?.group, 'two')
  })

  test('empty scope sees nothing', async () => {
    const { students, idOf } = await setUp([{ legalSurname: 'Ames' }])

    const list = await students.listStudents({ schoolIds: [] })

    assert.equal(list.total, 0)
    assert.equal(await students.getStudent({ schoolIds: [] }, idOf('Ames')), null)
  })

  test('search matches names and UPN', async () => {
    const { surnames } = await setUp([
      { legalSurname: "O'Brien", preferredForename: 'Bex' },
      { legalSurname: 'Zieliński', upn: 'K801200001001' },
      { legalSurname: '100% Smith' },
    ])

    assert.deepEqual(await surnames({ search: "o'bri" }), ["O'Brien"])
    assert.deepEqual(await surnames({ search: 'BEX' }), ["O'Brien"])
    assert.deepEqual(await surnames({ search: 'zielińSKI' }), ['Zieliński'])
    assert.deepEqual(await surnames({ search: 'k8012' }), ['Zieliński'])
    assert.deepEqual(await surnames({ search: '0%' }), ['100% Smith'])
    assert.deepEqual(await surnames({ search: '_' }), [])
  })

  test('filters by group, basis and flags', async () => {
    const { surnames } = await setUp([
      { legalSurname: 'Autism', primaryNeed: 'ASD' },
      { legalSurname: 'Hearing', primaryNeed: 'HI', pathway: 'Entry Level 3' },
      { legalSurname: 'Profound', primaryNeed: 'PMLD' },
      { legalSurname: 'Social', primaryNeed: 'SEMH', pathway: 'GCSE' },
      { legalSurname: 'Unknown', primaryNeed: 'LOCAL1' },
    ])

    assert.deepEqual(await surnames({ group: 'one' }), ['Autism', 'Hearing', 'Profound'])
    assert.deepEqual(await surnames({ group: 'two' }), ['Social'])
    assert.deepEqual(await surnames({ group: 'unassigned' }), ['Unknown'])
    assert.deepEqual(await surnames({ basis: 'pathway' }), ['Hearing', 'Social'])
    assert.deepEqual(await surnames({ flag: 'provisional' }), ['Autism', 'Profound'])
    assert.deepEqual(await surnames({ flag: 'atypical' }), ['Hearing'])
    assert.deepEqual(await surnames({ flag: 'complex_needs' }), ['Profound'])
    assert.deepEqual(await surnames({ area: 'sensory_physical' }), ['Hearing'])
  })

  test('filters by year, provision and need', async () => {
    const { surnames } = await setUp([
      { legalSurname: 'Ten', ncYear: '10', provisionCode: 'K', primaryNeed: 'MLD' },
      { legalSurname: 'Legacy', ncYear: '11', provisionCode: 'A', secondaryNeed: 'MLD' },
      { legalSurname: 'Statement', ncYear: '10', provisionCode: 'S' },
    ])

    assert.deepEqual(await surnames({ ncYear: '10' }), ['Statement', 'Ten'])
    assert.deepEqual(await surnames({ provision: 'K' }), ['Legacy', 'Ten'])
    assert.deepEqual(await surnames({ provision: 'E' }), ['Statement'])
    assert.deepEqual(await surnames({ need: 'MLD' }), ['Legacy', 'Ten'])
    assert.deepEqual(await surnames({ inLatestImport: false }), [])
  })

  test('sorts by name and year', async () => {
    const { surnames } = await setUp([
      { legalSurname: 'Leeds', legalForename: 'Amy', ncYear: '9' },
      { legalSurname: 'Lee', legalForename: 'Zac', ncYear: 'R' },
      { legalSurname: 'lee', legalForename: 'Bea', ncYear: null },
      { legalSurname: 'Able', ncYear: '10' },
      { legalSurname: 'Xu', ncYear: 'X' },
    ])

    assert.deepEqual(await surnames({}), ['Able', 'lee', 'Lee', 'Leeds', 'Xu'])
    assert.deepEqual(await surnames({ direction: 'desc' }), ['Xu', 'Leeds', 'Lee', 'lee', 'Able'])
    assert.deepEqual(await surnames({ sort: 'ncYear' }), ['Lee', 'Leeds', 'Able', 'Xu', 'lee'])
    assert.deepEqual(await surnames({ sort: 'ncYear', direction: 'desc' }), [
      'Xu',
      'Able',
      'Leeds',
      'Lee',
      'lee',
    ])
  })

  test('pages through students', async () => {
    const { students, scope } = await setUp(
      ['A', 'B', 'C', 'D', 'E'].map((legalSurname) => ({ legalSurname })),
    )

    const page = await students.listStudents(scope, { page: 2, pageSize: 2 })
    const last = await students.listStudents(scope, { page: 3, pageSize: 2 })

    assert.deepEqual(
      page.students.map((student) => student.legalSurname),
      ['C', 'D'],
    )
    assert.equal(page.total, 5)
    assert.deepEqual(
      last.students.map((student) => student.legalSurname),
      ['E'],
    )
  })

  test('override needs a reason', async () => {
    const { students, scope, idOf } = await setUp([{ legalSurname: 'Ames' }])

    const blank = await students.setOverride(
      scope,
      idOf('Ames'),
      { group: 'two', reason: '   ' },
      'head',
    )
    const badGroup = await students.setOverride(
      scope,
      idOf('Ames'),
      { group: 'three', reason: 'x' },
      'head',
    )
    const saved = await students.setOverride(
      scope,
      idOf('Ames'),
      { group: 'two', reason: ' Review ' },
      'head',
    )

    assert.deepEqual(blank, {
      ok: false,
      error: { code: 'invalid', field: 'reason', message: overrideMessages.reasonMissing },
    })
    assert.equal(badGroup.ok ? null : badGroup.error.message, overrideMessages.group)
    assert.equal(saved.ok && saved.value.student.override?.reason, 'Review')
    assert.equal(saved.ok && saved.value.assignment.basis, 'override')
  })

  test('override survives pathway change as conflict', async () => {
    const { students, scope, idOf, surnames } = await setUp([
      { legalSurname: 'Ames', primaryNeed: 'ASD' },
    ])
    await students.setOverride(
      scope,
      idOf('Ames'),
      { group: 'two', reason: 'Taking GCSEs' },
      'head',
    )

    const changed = await students.setPathway(scope, idOf('Ames'), 'Entry Level 2', 'teacher')

    assert.equal(changed?.student.pathway, 'Entry Level 2')
    assert.equal(changed?.assignment.group, 'two')
    assert.equal(changed?.assignment.computedGroup, 'one')
    assert.equal(changed?.assignment.override?.by, 'head')
    assert.deepEqual(await surnames({ flag: 'conflict' }), [])

    const moved = await students.setPathway(scope, idOf('Ames'), 'GCSE', 'teacher')

    assert.equal(moved?.assignment.computedGroup, 'two')
    assert.notEqual(moved?.assignment.conflict, null)
    assert.deepEqual(await surnames({ flag: 'conflict' }), ['Ames'])
  })

  test('clearing override restores computed group', async () => {
    const { students, scope, idOf, surnames } = await setUp([
      { legalSurname: 'Ames', primaryNeed: 'ASD' },
    ])
    await students.setOverride(scope, idOf('Ames'), { group: 'two', reason: 'Review' }, 'head')

    const cleared = await students.clearOverride(scope, idOf('Ames'), 'head')

    assert.equal(cleared?.student.override, null)
    assert.equal(cleared?.assignment.group, 'one')
    assert.deepEqual(await surnames({ group: 'one' }), ['Ames'])
  })

  test('override history keeps replaced and removed', async () => {
    const { students, scope, idOf } = await setUp([{ legalSurname: 'Ames', primaryNeed: 'ASD' }])
    const id = idOf('Ames')
    await students.setOverride(scope, id, { group: 'two', reason: 'Takes GCSEs' }, 'head')
    await students.setOverride(scope, id, { group: 'one', reason: 'Moved to entry level' }, 'senco')
    await students.clearOverride(scope, id, 'teacher')

    const history = await students.listOverrideHistory(scope, id)

    assert.deepEqual(
      history.map((ended) => [ended.reason, ended.madeBy, ended.endedBy, ended.endedHow]),
      [
        ['Moved to entry level', 'senco', 'teacher', 'removed'],
        ['Takes GCSEs', 'head', 'senco', 'replaced'],
      ],
    )
  })

  test('override history is scoped', async () => {
    const { students, idOf, scope } = await setUp([{ legalSurname: 'Ames', primaryNeed: 'ASD' }])
    await students.setOverride(scope, idOf('Ames'), { group: 'two', reason: 'x' }, 'head')
    await students.clearOverride(scope, idOf('Ames'), 'head')

    const history = await students.listOverrideHistory({ schoolIds: [] }, idOf('Ames'))

    assert.deepEqual(history, [])
  })

  test('changes and views are audited', async () => {
    const { students, scope, idOf } = await setUp([{ legalSurname: 'Ames', primaryNeed: 'ASD' }])
    const id = idOf('Ames')
    await students.viewStudent(scope, id, 'reader')
    await students.setPathway(scope, id, 'GCSE', 'teacher')
    await students.setOverride(scope, id, { group: 'one', reason: 'Entry level now' }, 'senco')
    await students.clearOverride(scope, id, 'head')

    const events = await createAuditService(getDatabase().db).search(scope, { studentId: id })

    assert.deepEqual(events.map((event) => [event.action, event.actor]).reverse(), [
      ['student.view', 'reader'],
      ['student.pathway', 'teacher'],
      ['student.override.set', 'senco'],
      ['student.override.remove', 'head'],
    ])
    assert.deepEqual(events.at(-2)?.details, { pathway: { from: null, to: 'GCSE' } })
    assert.deepEqual(events[0]?.details, {
      override: { from: { group: 'one', reason: 'Entry level now' }, to: null },
    })
  })

  test('audit search is scoped', async () => {
    const { students, scope, idOf } = await setUp([{ legalSurname: 'Ames', primaryNeed: 'ASD' }])
    await students.viewStudent(scope, idOf('Ames'), 'reader')

    const events = await createAuditService(getDatabase().db).search({ schoolIds: [] })

    assert.deepEqual(events, [])
  })

  test('need code mapping regroups students', async () => {
    const { school, surnames } = await setUp([{ legalSurname: 'Local', primaryNeed: 'LOCAL1' }])

    const needCodes = createNeedCodeService(getDatabase().db)
    const changed = await needCodes.mapNeedCode(school.id, {
      code: 'LOCAL1',
      area: 'semh',
      description: null,
    })

    assert.equal(changed, 1)
    assert.deepEqual(await surnames({ group: 'two', flag: 'provisional' }), ['Local'])
  })

  test('school created once per name', async () => {
    const { students, school } = await setUp()

    const again = await students.findOrCreateSchool(`  ${school.name} `)
    const listed = await students.listSchools({ schoolIds: [school.id] })

    assert.equal(again.id, school.id)
    assert.deepEqual(listed, [school])
  })
})

test('aStudentInput gives distinct UPNs', () => {
  assert.notEqual(aStudentInput().upn, aStudentInput().upn)
})
