import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { test } from 'node:test'

import { sql } from 'kysely'

import { forEachEngine } from '../../db/test-database.js'
import { up as foldSearchKeys } from '../../db/migrations/2026120420_fold_search_keys.js'
import { createImportService } from '../import/import.service.js'
import { aValidFile, aValidRow } from '../import/import.test-data.js'
import type { StudentInput } from './student.js'
import { listStudents, searchWords } from './student.list.js'
import { toSearchKey } from './student.row.js'
import { createStudentService } from './student.service.js'

const KEYS: [string, string][] = [
  ['Róisín', 'roisin'],
  ['ZOË', 'zoe'],
  ['Nuñez', 'nunez'],
  ['O’Brien', "o'brien"],
  ['Siân', 'sian'],
  ['Çelik', 'celik'],
]

for (const [text, key] of KEYS) {
  test(`toSearchKey folds "${text}"`, () => {
    assert.equal(toSearchKey(text), key)
  })
}

test('toSearchKey folds decomposed text', () => {
  assert.equal(toSearchKey('Ro\u0301isi\u0301n'), 'roisin')
})

test('searchWords splits on spaces and commas', () => {
  assert.deepEqual(searchWords('  Amberdell,Cara  Jo '), ['amberdell', 'cara', 'jo'])
})

forEachEngine('students list', (getDatabase) => {
  async function setUp(inputs: Partial<StudentInput>[]) {
    const { db } = getDatabase()
    const students = createStudentService(db)
    const imports = createImportService(db)
    const school = await students.findOrCreateSchool(`School ${randomUUID()}`)
    const file = aValidFile(inputs.map((input) => aValidRow(input)))
    await imports.commit((await imports.preview(school.id, file, 'register.csv')).id)
    const names = async (search: string) =>
      (await listStudents(db, [school.id], { search })).students.map(
        (student) => `${student.legalForename} ${student.legalSurname}`,
      )
    return { db, school, names }
  }

  const people = [
    { legalForename: 'Cara', legalSurname: 'Amberdell' },
    { legalForename: 'Róisín', legalSurname: 'Ní Bhriain' },
    { legalForename: 'Amber', legalSurname: 'Carlton' },
  ]

  const SEARCHES: [string, string[]][] = [
    ['Cara Amberdell', ['Cara Amberdell']],
    ['Amberdell, Cara', ['Cara Amberdell']],
    ['amberdell cara', ['Cara Amberdell']],
    ['Roisin', ['Róisín Ní Bhriain']],
    ['RÓISÍN', ['Róisín Ní Bhriain']],
    ['Roisin Ni Bhriain', ['Róisín Ní Bhriain']],
    ['Cara Carlton', []],
  ]

  for (const [search, expected] of SEARCHES) {
    test(`search "${search}"`, async () => {
      const { names } = await setUp(people)

      assert.deepEqual(await names(search), expected)
    })
  }

  test('page past the end shows the last', async () => {
    const { db, school } = await setUp(
      Array.from({ length: 7 }, (_, index) => ({ legalSurname: `Surname${index}` })),
    )

    const result = await listStudents(db, [school.id], { page: 7, pageSize: 3 })

    assert.equal(result.page, 3)
    assert.equal(result.students.length, 1)
    assert.equal(result.total, 7)
  })

  test('page of an empty list is 1', async () => {
    const { db } = getDatabase()

    const result = await listStudents(db, [-1], { page: 5 })

    assert.equal(result.page, 1)
  })

  test('migration folds existing search keys', async () => {
    const { db, school, names } = await setUp([{ legalForename: 'Siân', legalSurname: 'Ëvans' }])
    // Rows written before accent folding kept the accents in their keys.
    const unfolded = 'ëvans\u0001siân'
    await sql`update students set search_text = ${unfolded} where school_id = ${school.id}`.execute(
      db,
    )
    const before = await names('Sian')

    await foldSearchKeys(db)

    assert.deepEqual(before, [])
    assert.deepEqual(await names('Sian Evans'), ['Siân Ëvans'])
  })
})
