import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { OUTCOME_CATALOGUE } from '../../domain/catalogue.js'
import { buildTestApp } from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'
import { describeRules } from './outcome-rules.js'

describe('outcome pages', () => {
  let test: TestApp

  before(async () => {
    test = await buildTestApp()
  })

  after(async () => {
    await test.close()
  })

  it('catalogue lists every outcome and the version', async () => {
    const response = await test.app.inject({ url: '/outcomes' })

    assert.equal(response.statusCode, 200)
    assert.match(response.body, new RegExp(`Catalogue version ${OUTCOME_CATALOGUE.version}`))
    for (const outcome of OUTCOME_CATALOGUE.outcomes) {
      assert.match(response.body, new RegExp(`href="/outcomes/${outcome.id}"`))
    }
  })

  it('outcome page shows its rules in words', async () => {
    const response = await test.app.inject({ url: '/outcomes/supported-internship' })

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /Only for ages 16 to 24\./)
    assert.match(response.body, /Needs an education, health and care \(EHC\) plan\./)
  })

  it('every outcome page links the glossary', async () => {
    for (const outcome of OUTCOME_CATALOGUE.outcomes) {
      const response = await test.app.inject({ url: `/outcomes/${outcome.id}` })

      assert.match(
        response.body,
        /id="outcome-glossary"[^>]*>[^<]*<a class="govuk-link" href="\/glossary#[a-z0-9-]+">/,
        outcome.id,
      )
    }
  })

  it('own enterprise links self-employment', async () => {
    const response = await test.app.inject({ url: '/outcomes/supported-own-enterprise' })

    assert.match(response.body, /href="\/glossary#self-employment">supported own enterprise</)
  })

  it('unknown outcome gives 404', async () => {
    const response = await test.app.inject({ url: '/outcomes/space-travel' })

    assert.equal(response.statusCode, 404)
  })
})

describe('describeRules', () => {
  const cases: [string, Parameters<typeof describeRules>[0], string][] = [
    ['advisory age', { minAge: 19, maxAge: 25, ageIsAdvisory: true }, 'Usually for ages 19 to 25.'],
    ['minimum age only', { minAge: 16 }, 'Only from age 16.'],
    ['case by case plan', { ehcPlan: 'case_by_case' }, 'Decided case by case'],
    ['hours', { minHoursPerWeek: 16 }, 'At least 16 hours of work a week.'],
    ['maximum duration', { maxDurationMonths: 6 }, 'Lasts at most 6 months.'],
    ['no rules', {}, 'No age, plan or duration conditions.'],
    ['school age', { overCompulsorySchoolAge: true }, 'Only after compulsory school age'],
    ['first start', { firstStartsOn: '2013-08-01' }, 'The national programme took its first'],
  ]

  for (const [name, rules, expected] of cases) {
    it(`describes ${name}`, () => {
      const sentences = describeRules(rules)

      assert.ok(
        sentences.some((sentence) => sentence.startsWith(expected)),
        `expected a sentence starting "${expected}" in ${JSON.stringify(sentences)}`,
      )
    })
  }

  it('describes a changed minimum duration', () => {
    const rules = {
      minDurationMonths: 12,
      minDurationChanges: [{ startsFrom: '2025-08-01', minDurationMonths: 8 }],
    }

    const [sentence] = describeRules(rules)

    assert.equal(
      sentence,
      'Lasts at least 12 months for starts before 1 August 2025, and at least 8 months for starts from that date.',
    )
  })
})
