// `send-careers plan show`, on a real SQLite file with a plan written through the plan service.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { addDays } from '../src/domain/calendar.js'
import { todayInEngland } from '../src/features/eligibility/reference-date.js'
import type { PlanJson } from '../src/features/plans/plan.json.js'
import { createServices } from '../src/services.js'
import { createCliRunner, type CliRunner } from './cli-runner.js'

const SIMS = 'test/fixtures/sims-style-register.csv'
// Caleb Cartwright: EHC plan, Year 9. Alfie Ashworth: EHC plan, Year 7, born 24 November 2013.
const CALEB = 'J855999211302'
const ALFIE = 'W839999013300'
const YESTERDAY = addDays(todayInEngland(), -1)

/** Writes a plan for Caleb with one of each part, as a careers leader would on the pages. */
async function writeCalebsPlan(cli: CliRunner) {
  const database = cli.open()
  try {
    const services = createServices(database)
    const scope = { schoolIds: (await services.students.listSchools('all')).map((s) => s.id) }
    const [caleb] = await services.students.findByUpn(scope, CALEB)
    const id = caleb?.student.id ?? 0
    const by = 'leader@school.test'
    const steps = [
      (version: number) =>
        services.plans.addPart(
          scope,
          id,
          'aspiration',
          version,
          {
            words: 'I want to look after animals',
            gatheredHow: 'symbols_aac',
            recordedOn: YESTERDAY,
          },
          by,
        ),
      (version: number) =>
        services.plans.addPart(
          scope,
          id,
          'goal',
          version,
          { area: 'health', goal: 'Swim every week', status: 'active' },
          by,
        ),
      (version: number) =>
        services.plans.setTargets(
          scope,
          id,
          version,
          [
            { outcomeId: 'supported-internship', plannedStart: '', note: '' },
            { outcomeId: 'apprenticeship', plannedStart: '', note: '' },
          ],
          by,
        ),
      (version: number) =>
        services.plans.addPart(
          scope,
          id,
          'action',
          version,
          { what: 'Visit a farm', who: 'Careers adviser', dueOn: YESTERDAY, status: 'not_started' },
          by,
        ),
      (version: number) =>
        services.plans.addPart(
          scope,
          id,
          'review',
          version,
          {
            heldOn: YESTERDAY,
            kind: 'ehcp_annual',
            participants: 'Caleb, his father',
            summary: 'Agreed to try a farm visit',
            nextReviewOn: '',
            pfaAreas: ['employment', 'health'],
            pfaReason: 'Not covered: independent living and community, because of time',
          },
          by,
        ),
    ]
    let version = 0
    for (const step of steps) {
      const result = await step(version)
      if (!result.ok)
        throw new Error(`Writing the test plan failed: ${JSON.stringify(result.error)}`)
      version = result.value.version
    }
  } finally {
    await database.close()
  }
}

describe('send-careers plan show', () => {
  let cli: CliRunner

  before(async () => {
    cli = await createCliRunner()
    await cli.json(['import', SIMS, '--school', 'Oak Hill School'])
    await writeCalebsPlan(cli)
  })
  after(async () => {
    await cli.cleanUp()
  })

  test('prints the plan as JSON', async () => {
    const plan = (await cli.json(['plan', 'show', CALEB])) as PlanJson

    assert.equal(plan.student.name, 'Caleb Cartwright')
    assert.equal(plan.student.upn, CALEB)
    assert.equal(plan.student.ncYear, '9')
    assert.equal(typeof plan.student.id, 'number')
    assert.ok(plan.student.groupLabel.length > 0)
    assert.equal(plan.planVersion, 5)
    assert.equal(plan.aspirations[0]?.words, 'I want to look after animals')
    assert.equal(plan.aspirations[0]?.gatheredHow, 'symbols_aac')
    assert.equal(plan.goals[0]?.area, 'health')
    assert.deepEqual(
      plan.targets.map((target) => target.outcomeId),
      ['supported-internship', 'apprenticeship'],
    )
    assert.equal(plan.targets[0]?.eligibility.basis, 'academic_year')
    assert.equal(plan.targets[0]?.eligibility.referenceDate, plan.planningYear.referenceDate)
    assert.ok(
      ['eligible', 'check', 'not_eligible'].includes(plan.targets[0]?.eligibility.verdict ?? ''),
    )
    assert.ok((plan.targets[0]?.eligibility.reasons.length ?? 0) > 0)
    assert.equal(plan.actions[0]?.overdue, true)
    assert.deepEqual(plan.reviews[0]?.pfaAreas, ['employment', 'health'])
    assert.deepEqual(plan.reviews[0]?.pfaAreasNotCovered, ['independent_living', 'community'])
    assert.equal(
      plan.reviews[0]?.pfaReason,
      'Not covered: independent living and community, because of time',
    )
    assert.deepEqual(plan.preparingForAdulthood.latestReviewAreasNotCovered, [
      'independent_living',
      'community',
    ])
    assert.equal(plan.targets[0]?.plannedStartPassed, false)
    assert.equal(plan.preparingForAdulthood.reviewsMustCoverAllAreas, true)
    assert.deepEqual(plan.preparingForAdulthood.areasWithoutGoal, [
      'Employment and higher education',
      'Independent living',
      'Friends, relationships and community',
    ])
  })

  test('uses the planning year given', async () => {
    const plan = (await cli.json(['plan', 'show', CALEB, '--year', '2030/31'])) as PlanJson

    assert.equal(plan.planningYear.referenceDate, '2030-08-31')
    assert.equal(plan.targets[0]?.eligibility.referenceDate, '2030-08-31')
  })

  test('prints the plan as text', async () => {
    const result = await cli.text(['plan', 'show', CALEB, '--school', 'Oak Hill School'])

    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /^Caleb Cartwright \(J855999211302\), Year 9/)
    assert.match(result.stdout, /Career plan version 5, last changed by leader@school\.test/)
    assert.match(result.stdout, /"I want to look after animals" \(Using symbols or AAC/)
    assert.match(result.stdout, /Good health: Swim every week \(Working towards it\)/)
    assert.match(
      result.stdout,
      /1\. Supported internship: (Eligible|Check|Not eligible) on 31 August \d{4}/,
    )
    assert.match(result.stdout, /Visit a farm: Careers adviser, by .*, Not started, overdue/)
    assert.match(
      result.stdout,
      /EHC plan annual review: Agreed to try a farm visit \(next review not set\)/,
    )
    assert.match(
      result.stdout,
      /Areas with no goal yet: Employment and higher education, Independent living/,
    )
  })

  test('a student with no plan shows an empty one', async () => {
    const plan = (await cli.json(['plan', 'show', ALFIE])) as PlanJson

    assert.equal(plan.planVersion, 0)
    assert.deepEqual(plan.aspirations, [])
    assert.deepEqual(plan.targets, [])
    assert.equal(plan.preparingForAdulthood.reviewsMustCoverAllAreas, false)
  })

  test('unknown UPN fails with a message', async () => {
    const result = await cli.text(['plan', 'show', 'B801200005001'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /No student has UPN B801200005001/)
    assert.equal(result.stdout, '')
  })

  test('invalid UPN fails with a message', async () => {
    const result = await cli.text(['plan', 'show', 'A801200005001'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /A801200005001/)
  })

  test('unknown school fails with a message', async () => {
    const result = await cli.text(['plan', 'show', CALEB, '--school', 'Elm'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /No school is called "Elm"/)
  })

  test('invalid year fails with a message', async () => {
    const result = await cli.text(['plan', 'show', CALEB, '--year', '2030'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /--year: Academic year "2030" is not in the form 2026\/27/)
  })

  test('empty year fails with a message', async () => {
    const result = await cli.text(['plan', 'show', CALEB, '--year', ''])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /--year: Academic year "" is empty\. Give it in the form 2026\/27/)
  })

  test('a viewer may not run it', async () => {
    await cli.text([
      'user',
      'add',
      '--email',
      'viewer@oak.example',
      '--name',
      'V',
      '--role',
      'viewer',
      '--school',
      'Oak Hill School',
    ])

    const result = await cli.shell(
      `SEND_CAREERS_USER='viewer@oak.example' node bin/send-careers.js plan show ${CALEB}`,
    )

    assert.equal(result.code, 3)
    assert.match(result.stderr, /has no role that may run "plan show"/)
  })

  test('text output escapes control characters', async () => {
    const database = cli.open()
    try {
      await database.db
        .updateTable('plan_aspirations')
        .set({ words: 'Animals\u001b[2J\u202etac' })
        .execute()
    } finally {
      await database.close()
    }

    const result = await cli.text(['plan', 'show', CALEB])

    assert.equal(result.code, 0, result.stderr)
    assert.ok(!result.stdout.includes('\u001b'), 'raw ESC printed')
    assert.ok(!result.stdout.includes('\u202e'), 'raw U+202E printed')
    assert.match(result.stdout, /"Animals\\u001B\[2J\\u202Etac"/)
  })

  test('the view is audited', async () => {
    const events = (await cli.json(['audit', '--student', CALEB])) as { action: string }[]

    assert.ok(events.some((event) => event.action === 'student.view'))
    assert.ok(events.some((event) => event.action === 'plan.review.add'))
  })
})
