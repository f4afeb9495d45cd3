import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { addPlanActivityAndDestinationRows } from '../data-protection/data-protection.test-data.js'
import { buildTestApp } from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'
import { addPlan, addSpell, importStudents } from '../work-lists/work-lists.test-data.js'
import { createHandOverService } from './hand-over.service.js'
import { writeHandOverPdf } from './hand-over.pdf.js'
import { EMPTY_TEXT, packFacts } from './hand-over.view-model.js'
import { extractPdfText, extractPdfTitle } from './pdf-text.test-helper.js'

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Turns a page's HTML into its text, with entities decoded, for comparing facts. */
function pageText(html: string): string {
  const text = html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
  return normalise(text)
}

describe('hand-over pack', () => {
  let test: TestApp
  let idOf: (surname: string) => number
  let outsider: number

  before(async () => {
    test = await buildTestApp({}, false, { as: 'careers_leader' })
    const db = test.database.db
    idOf = await importStudents(db, test.schoolId, [
      { legalSurname: 'Okafor', legalForename: 'Ada', ncYear: '11' },
      { legalSurname: 'Blank', legalForename: 'Bo', ncYear: '9' },
      { legalSurname: 'Later', legalForename: 'Lin', ncYear: '9' },
      { legalSurname: '王', legalForename: '小明', ncYear: '10' },
      {
        legalSurname: "O'Brien-Ólafsdóttir",
        legalForename: 'Zoë',
        preferredForename: 'Σοφία',
        ncYear: '10',
      },
    ])
    await addPlanActivityAndDestinationRows(
      db,
      test.schoolId,
      idOf('Okafor'),
      '2026-12-01T09:00:00.000Z',
    )
    await addSpell(db, test.schoolId, idOf('Okafor'), {
      intent: 'actual',
      type: 'school-sixth-form',
      startDate: '2025-09-01',
      checkedOn: '2026-10-01',
      provider: 'Oak Hill Sixth Form',
    })
    await db
      .insertInto('plan_actions')
      .values({
        plan_id: (await db.selectFrom('career_plans').select('id').executeTakeFirstOrThrow()).id,
        school_id: test.schoolId,
        student_id: idOf('Okafor'),
        what: 'Finished action that must not show',
        who: 'Tutor',
        due_on: null,
        status: 'done',
        created_by: 'teacher',
        created_at: '2026-12-01T09:00:00.000Z',
        updated_by: 'teacher',
        updated_at: '2026-12-01T09:00:00.000Z',
      })
      .execute()

    // Staff names outside Windows-1252, in the open action and the latest review.
    const zoePlan = await addPlan(db, test.schoolId, idOf("O'Brien-Ólafsdóttir"))
    await db
      .insertInto('plan_actions')
      .values({
        ...zoePlan,
        what: 'Book a college visit',
        who: 'Łukasz',
        due_on: null,
        status: 'not_started',
      })
      .execute()
    await db
      .insertInto('plan_reviews')
      .values({
        ...zoePlan,
        held_on: '2026-11-20',
        kind: 'careers_guidance',
        participants: 'Student, Nguyễn Thị Ánh, Анна',
        summary: 'Talked about college',
        next_review_on: null,
        pfa_areas: ',employment,',
        pfa_reason: 'Health was not covered, because the nurse could not come',
      })
      .execute()

    const otherSchool = await test.services.students.findOrCreateSchool('Birch Lane School')
    const otherIdOf = await importStudents(db, otherSchool.id, [{ legalSurname: 'Outsider' }])
    outsider = otherIdOf('Outsider')
  })

  after(async () => {
    await test.close()
  })

  async function auditFormats(studentId: number) {
    const rows = await test.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'student.hand_over')
      .where('student_id', '=', studentId)
      .orderBy('id')
      .execute()
    return rows.map((row) => (JSON.parse(row.details) as { format: string }).format)
  }

  it('warns when the PDF cannot show a name', async () => {
    const chinese = await test.app.inject(`/students/${idOf('王')}/hand-over`)
    const latin = await test.app.inject(`/students/${idOf('Blank')}/hand-over`)

    assert.match(chinese.body, /written in a script the PDF cannot show/)
    assert.doesNotMatch(latin.body, /written in a script the PDF cannot show/)
  })

  it('marks an activity not yet held as planned', async () => {
    const db = test.database.db
    const stamps = { created_by: 't', created_at: 't', updated_by: 't', updated_at: 't' }
    const activity = await db
      .insertInto('careers_activities')
      .values({
        school_id: test.schoolId,
        kind: 'education_encounter',
        title: 'College open day',
        held_on: '2099-06-01',
        provider: null,
        benchmark: 7,
        adjustments: null,
        ...stamps,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const student = { school_id: test.schoolId, student_id: idOf('Later') }
    await db
      .insertInto('careers_activity_students')
      .values({ activity_id: activity.id, ...student, adjustments: null, reflection: null })
      .execute()

    const response = await test.app.inject(`/students/${idOf('Later')}/hand-over`)

    assert.match(pageText(response.body), /1 June 2099 \(planned\)/)
  })

  it('page shows every section of the pack', async () => {
    const response = await test.app.inject(`/students/${idOf('Okafor')}/hand-over`)

    assert.equal(response.statusCode, 200)
    const text = pageText(response.body)
    for (const fact of [
      'Hand-over pack: Ada Okafor',
      'Work with animals',
      'In the student’s own words',
      'Try a farm placement (working towards it)',
      'Supported internship',
      'Visit the farm',
      'Careers guidance',
      'Farm visit',
      'Benchmark 5: Encounters with employers and employees',
      '460 Supported internship',
      '210 School sixth form',
      'Visual timetable',
    ]) {
      assert.ok(text.includes(fact), fact)
    }
    assert.ok(!text.includes('Finished action that must not show'))
    assert.match(text, /(Eligible|Check|Not eligible) on \d{1,2} [A-Z][a-z]+ \d{4}\./)
    assert.match(response.body, /class="govuk-template__body app-print-page"/)
    assert.match(response.body, /href="\/students\/\d+\/hand-over.pdf"/)
  })

  it('page records an audit event', async () => {
    const id = idOf('Okafor')
    const before = await auditFormats(id)

    await test.app.inject(`/students/${id}/hand-over`)

    assert.deepEqual((await auditFormats(id)).slice(before.length), ['html'])
  })

  it('sections with nothing say so', async () => {
    const response = await test.app.inject(`/students/${idOf('Blank')}/hand-over`)

    assert.equal(response.statusCode, 200)
    const text = pageText(response.body)
    for (const empty of Object.values(EMPTY_TEXT)) {
      assert.ok(text.includes(empty), empty)
    }
  })

  it('PDF is a tagged download named by record number', async () => {
    const id = idOf('Okafor')
    const before = await auditFormats(id)

    const response = await test.app.inject(`/students/${id}/hand-over.pdf`)

    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['content-type'], 'application/pdf')
    assert.equal(response.headers['cache-control'], 'no-store')
    assert.equal(
      response.headers['content-disposition'],
      `attachment; filename="hand-over-student-${id}.pdf"`,
    )
    assert.doesNotMatch(String(response.headers['content-disposition']), /Okafor|Ada/)
    const pdf = response.rawPayload.toString('latin1')
    assert.ok(pdf.startsWith('%PDF-'))
    assert.match(pdf, /\/StructTreeRoot \d+ 0 R/)
    assert.match(pdf, /\/MarkInfo \d+ 0 R/)
    assert.match(pdf, /\/Lang \(en-GB\)/)
    assert.match(pdf, /\/DisplayDocTitle true/)
    assert.deepEqual((await auditFormats(id)).slice(before.length), ['pdf'])
  })

  it('page and PDF hold the same facts', async () => {
    const id = idOf('Okafor')
    const service = createHandOverService(test.database.db)
    const pack = await service.openPack({ schoolIds: [test.schoolId] }, id, 'test', 'pdf')
    assert.ok(pack)

    const page = pageText((await test.app.inject(`/students/${id}/hand-over`)).body)
    const pdfBytes = await writeHandOverPdf(pack, { compress: false })
    const pdf = normalise(extractPdfText(pdfBytes))

    assert.match(pdfBytes.toString('latin1'), /\/Title \d+ 0 R/)
    assert.ok(pdfBytes.toString('latin1').includes('(Hand-over pack: Ada Okafor)'))
    for (const fact of packFacts(pack)) {
      assert.ok(page.includes(normalise(fact)), `page: ${fact}`)
      assert.ok(pdf.includes(normalise(fact)), `PDF: ${fact}`)
    }
  })

  it('PDF keeps Latin, Greek and Cyrillic names', async () => {
    const id = idOf("O'Brien-Ólafsdóttir")
    const service = createHandOverService(test.database.db)
    const pack = await service.openPack({ schoolIds: [test.schoolId] }, id, 'test', 'pdf')
    assert.ok(pack)

    const page = pageText((await test.app.inject(`/students/${id}/hand-over`)).body)
    const pdfBytes = await writeHandOverPdf(pack, { compress: false })
    const pdf = normalise(extractPdfText(pdfBytes))

    assert.equal(pack.title, "Hand-over pack: Σοφία O'Brien-Ólafsdóttir")
    assert.equal(extractPdfTitle(pdfBytes), pack.title)
    const reason = 'Health was not covered, because the nurse could not come'
    assert.ok(page.includes(reason) && pdf.includes(reason), reason)
    for (const name of ['Łukasz', 'Nguyễn Thị Ánh', 'Σοφία', 'Анна', "Zoë O'Brien-Ólafsdóttir"]) {
      assert.ok(page.includes(name), `page: ${name}`)
      assert.ok(pdf.includes(name), `PDF: ${name}`)
    }
    for (const fact of packFacts(pack)) {
      assert.ok(page.includes(normalise(fact)), `page: ${fact}`)
      assert.ok(pdf.includes(normalise(fact)), `PDF: ${fact}`)
    }
  })

  it('PDF embeds DejaVu Sans in place of Helvetica', async () => {
    const response = await test.app.inject(`/students/${idOf('Okafor')}/hand-over.pdf`)

    assert.equal(response.statusCode, 200)
    // Font dictionaries stay uncompressed, because pdfkit compresses streams only.
    const pdf = response.rawPayload.toString('latin1')
    assert.match(pdf, /\/BaseFont \/[A-Z]{6}\+DejaVuSans\n/)
    assert.match(pdf, /\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\n/)
    assert.match(pdf, /\/FontFile2 \d+ 0 R/)
    assert.doesNotMatch(pdf, /Helvetica/)
  })

  it('PDF structure has headings, paragraphs, lists and tables', async () => {
    const service = createHandOverService(test.database.db)
    const pack = await service.openPack({ schoolIds: [test.schoolId] }, idOf('Okafor'), 't', 'pdf')
    assert.ok(pack)

    const pdf = (await writeHandOverPdf(pack, { compress: false })).toString('latin1')

    for (const type of [
      'Document',
      'Sect',
      'H1',
      'H2',
      'H3',
      'P',
      'L',
      'LI',
      'Table',
      'TR',
      'TH',
      'TD',
    ]) {
      assert.match(pdf, new RegExp(`/S /${type}\\n`), type)
    }
  })

  it('a student of another school is not found', async () => {
    for (const url of [`/students/${outsider}/hand-over`, `/students/${outsider}/hand-over.pdf`]) {
      const response = await test.app.inject(url)
      assert.equal(response.statusCode, 404, url)
    }
    assert.deepEqual(await auditFormats(outsider), [])
  })

  it('an id that is not a number is not found', async () => {
    const response = await test.app.inject('/students/0x1/hand-over')

    assert.equal(response.statusCode, 404)
  })
})

describe('hand-over access', () => {
  it('a viewer is refused', async () => {
    const test = await buildTestApp({}, false, { as: 'viewer' })
    try {
      for (const url of ['/students/1/hand-over', '/students/1/hand-over.pdf']) {
        const response = await test.app.inject(url)
        assert.equal(response.statusCode, 403, url)
      }
    } finally {
      await test.close()
    }
  })
})
