import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { StudentFacts } from './types.js'
import {
  destinationsUnknown,
  ineligibleTargets,
  isYear9OrAbove,
  reviewsDue,
  septemberGuarantee,
  studentsWithoutPlan,
} from './work-lists.js'
import type { WorkListReview, WorkListSpell, WorkListStudent } from './work-lists.js'

const TODAY = '2026-12-04'

function aStudent(
  changes: Partial<WorkListStudent> = {},
  facts: Partial<StudentFacts> = {},
): WorkListStudent {
  return {
    id: 1,
    ncYear: '11',
    leftOn: null,
    group: 'one',
    registerYear: 2026,
    ...changes,
    facts: {
      dateOfBirth: '2011-01-15',
      provision: 'E',
      provisionCode: 'E',
      primaryNeed: 'ASD',
      secondaryNeed: null,
      pathway: null,
      ehcPlanStartDate: '2018-01-01',
      ...facts,
    },
  }
}

function aReview(changes: Partial<WorkListReview> = {}): WorkListReview {
  return {
    id: 1,
    studentId: 1,
    heldOn: '2026-06-01',
    nextReviewOn: '2026-12-20',
    kind: 'careers_guidance',
    ...changes,
  }
}

function aSpell(changes: Partial<WorkListSpell> = {}): WorkListSpell {
  return {
    id: 1,
    studentId: 1,
    intent: 'actual',
    type: 'further-education-college',
    startDate: '2026-09-01',
    endDate: null,
    checkedOn: '2026-11-01',
    ...changes,
  }
}

describe('reviews due', () => {
  it('lists a review due within 28 days', () => {
    const [entry] = reviewsDue([aStudent()], [aReview({ nextReviewOn: '2027-01-01' })], TODAY)

    assert.equal(entry?.status, 'due')
    assert.equal(entry?.date, '2027-01-01')
    assert.match(entry?.why ?? '', /careers guidance review is due on 1 January 2027/)
  })

  it('review due today is not overdue', () => {
    const [entry] = reviewsDue([aStudent()], [aReview({ nextReviewOn: TODAY })], TODAY)

    assert.equal(entry?.status, 'due')
    assert.match(entry?.why ?? '', /is due today/)
  })

  it('counts day 28 in and day 29 out', () => {
    const on28 = reviewsDue([aStudent()], [aReview({ nextReviewOn: '2027-01-01' })], TODAY)
    const on29 = reviewsDue([aStudent()], [aReview({ nextReviewOn: '2027-01-02' })], TODAY)

    assert.equal(on28.length, 1)
    assert.equal(on29.length, 0)
  })

  it('lists a passed next review date as overdue', () => {
    const [entry] = reviewsDue([aStudent()], [aReview({ nextReviewOn: '2026-12-03' })], TODAY)

    assert.equal(entry?.status, 'overdue')
    assert.match(entry?.why ?? '', /was due on 3 December 2026/)
  })

  it('a later review replaces an overdue date', () => {
    const reviews = [
      aReview({ id: 1, heldOn: '2026-01-10', nextReviewOn: '2026-07-01' }),
      aReview({ id: 2, heldOn: '2026-07-05', nextReviewOn: '2027-07-01' }),
    ]

    assert.deepEqual(reviewsDue([aStudent()], reviews, TODAY), [])
  })

  it('a later review with no next date clears the list', () => {
    const reviews = [
      aReview({ id: 1, heldOn: '2026-01-10', nextReviewOn: '2026-07-01' }),
      aReview({ id: 2, heldOn: '2026-07-05', nextReviewOn: null }),
    ]

    assert.deepEqual(reviewsDue([aStudent()], reviews, TODAY), [])
  })

  it('puts overdue first, then by date', () => {
    const students = [aStudent({ id: 1 }), aStudent({ id: 2 }), aStudent({ id: 3 })]
    const reviews = [
      aReview({ id: 1, studentId: 1, nextReviewOn: '2026-12-30' }),
      aReview({ id: 2, studentId: 2, nextReviewOn: '2026-12-10' }),
      aReview({ id: 3, studentId: 3, nextReviewOn: '2026-10-01' }),
    ]

    const ids = reviewsDue(students, reviews, TODAY).map((entry) => entry.studentId)

    assert.deepEqual(ids, [3, 2, 1])
  })

  it('leaves out a student who left', () => {
    const student = aStudent({ leftOn: TODAY })

    assert.deepEqual(reviewsDue([student], [aReview({ nextReviewOn: TODAY })], TODAY), [])
  })
})

describe('students without a plan', () => {
  it('lists Year 9 and above first', () => {
    const students = [
      aStudent({ id: 1, ncYear: '7' }),
      aStudent({ id: 2, ncYear: '10' }),
      aStudent({ id: 3, ncYear: '9' }),
      aStudent({ id: 4, ncYear: '12' }),
    ]

    const entries = studentsWithoutPlan(students, new Set([4]), TODAY)

    assert.deepEqual(
      entries.map((entry) => entry.studentId),
      [2, 3, 1],
    )
    assert.equal(entries[0]?.status, 'year_9_or_above')
    assert.equal(entries[2]?.status, 'below_year_9')
  })

  it('judges NC year X by academic age', () => {
    const olderX = aStudent({ ncYear: 'X' }, { dateOfBirth: '2012-08-31' })
    const youngerX = aStudent({ ncYear: 'X' }, { dateOfBirth: '2013-09-01' })

    assert.equal(isYear9OrAbove(olderX, TODAY), true)
    assert.equal(isYear9OrAbove(youngerX, TODAY), false)
  })

  it('treats Reception as below Year 9', () => {
    assert.equal(
      isYear9OrAbove(aStudent({ ncYear: 'R' }, { dateOfBirth: '1990-01-01' }), TODAY),
      false,
    )
  })

  it('leaves out a student who left today', () => {
    assert.deepEqual(studentsWithoutPlan([aStudent({ leftOn: TODAY })], new Set(), TODAY), [])
  })

  it('keeps a student leaving later', () => {
    const entries = studentsWithoutPlan([aStudent({ leftOn: '2026-12-05' })], new Set(), TODAY)

    assert.equal(entries.length, 1)
  })
})

describe('September Guarantee', () => {
  const cohort = [aStudent({ id: 1, ncYear: '11' }), aStudent({ id: 2, ncYear: '12' })]

  it('lists Year 11 and 12 as not yet due before September', () => {
    const entries = septemberGuarantee([...cohort, aStudent({ id: 3, ncYear: '10' })], [], TODAY)

    assert.deepEqual(
      entries.map((entry) => [entry.studentId, entry.status]),
      [
        [1, 'not_yet_due'],
        [2, 'not_yet_due'],
      ],
    )
    assert.equal(entries[0]?.date, '2027-09-30')
    assert.match(entries[0]?.why ?? '', /no offer or destination recorded for 2027\/28/)
  })

  it('is due on 1 and 30 September', () => {
    for (const today of ['2027-09-01', '2027-09-30']) {
      const [entry] = septemberGuarantee([cohort[0]!], [], today)
      assert.equal(entry?.status, 'due', today)
      assert.match(entry?.why ?? '', /due by 30 September 2027/, today)
    }
  })

  it('is missed on 1 October', () => {
    const [entry] = septemberGuarantee([cohort[0]!], [], '2027-10-01')

    assert.equal(entry?.status, 'missed')
    assert.match(entry?.why ?? '', /missed on 30 September 2027/)
  })

  it('is not yet due on 31 August', () => {
    const [entry] = septemberGuarantee([cohort[0]!], [], '2027-08-31')

    assert.equal(entry?.status, 'not_yet_due')
  })

  it('spell next year removes the student', () => {
    const intended = aSpell({ intent: 'intended', startDate: '2027-09-06' })
    const actual = aSpell({ studentId: 2, intent: 'actual', startDate: '2028-08-31' })

    assert.deepEqual(septemberGuarantee(cohort, [intended, actual], TODAY), [])
  })

  it('a spell in another academic year does not count', () => {
    const thisYear = aSpell({ intent: 'intended', startDate: '2027-08-31' })
    const later = aSpell({ intent: 'intended', startDate: '2028-09-01' })

    assert.equal(septemberGuarantee([cohort[0]!], [thisYear, later], TODAY).length, 1)
  })

  it('follows the register year, not the reference date', () => {
    const olderRegister = aStudent({ registerYear: 2025 })

    const [entry] = septemberGuarantee([olderRegister], [], TODAY)

    assert.equal(entry?.status, 'missed')
    assert.equal(entry?.date, '2026-09-30')
  })

  it('leaves out a student who left today', () => {
    assert.deepEqual(septemberGuarantee([aStudent({ leftOn: TODAY })], [], TODAY), [])
  })
})

describe('destinations not known', () => {
  const leaver = aStudent({ leftOn: '2026-07-20' })

  it('lists a leaver with no actual spell', () => {
    const intended = aSpell({ intent: 'intended' })

    const [entry] = destinationsUnknown([leaver], [intended], TODAY)

    assert.equal(entry?.status, 'no_actual')
    assert.equal(entry?.date, '2026-07-20')
    assert.match(entry?.why ?? '', /Left on 20 July 2026, with no actual destination/)
  })

  it('lists a student who left today', () => {
    const [entry] = destinationsUnknown([aStudent({ leftOn: TODAY })], [], TODAY)

    assert.equal(entry?.status, 'no_actual')
  })

  it('lists a latest spell that is not known', () => {
    const spells = [
      aSpell({ id: 1, startDate: '2026-09-01' }),
      aSpell({ id: 2, startDate: '2026-10-01', type: 'not-known' }),
    ]

    const [entry] = destinationsUnknown([leaver], spells, TODAY)

    assert.equal(entry?.status, 'not_known')
  })

  it('checked exactly 3 months ago is still current', () => {
    const spell = aSpell({ checkedOn: '2026-09-04' })

    assert.deepEqual(destinationsUnknown([leaver], [spell], TODAY), [])
  })

  it('checked more than 3 months ago needs chasing', () => {
    const [entry] = destinationsUnknown([leaver], [aSpell({ checkedOn: '2026-09-03' })], TODAY)

    assert.equal(entry?.status, 'stale')
    assert.equal(entry?.date, '2026-09-03')
    assert.match(
      entry?.why ?? '',
      /Further education college, was last checked on 3 September 2026/,
    )
  })

  it('lists a spell never checked', () => {
    const [entry] = destinationsUnknown([leaver], [aSpell({ checkedOn: null })], TODAY)

    assert.equal(entry?.status, 'never_checked')
  })

  it('lists a latest spell that has ended', () => {
    const [entry] = destinationsUnknown([leaver], [aSpell({ endDate: '2026-11-30' })], TODAY)

    assert.equal(entry?.status, 'ended')
    assert.match(entry?.why ?? '', /ended on 30 November 2026/)
  })

  it('ignores a spell that has not started', () => {
    const future = aSpell({ startDate: '2027-01-05' })

    const [entry] = destinationsUnknown([leaver], [future], TODAY)

    assert.equal(entry?.status, 'no_actual')
  })

  it('stops tracking 3 years after leaving', () => {
    const longGone = aStudent({ leftOn: '2023-12-03' })
    const justInside = aStudent({ id: 2, leftOn: '2023-12-04' })

    const ids = destinationsUnknown([longGone, justInside], [], TODAY).map(
      (entry) => entry.studentId,
    )

    assert.deepEqual(ids, [2])
  })

  it('leaves out students who have not left', () => {
    assert.deepEqual(destinationsUnknown([aStudent()], [], TODAY), [])
  })

  describe('with consent to tracking', () => {
    const leaverAged17 = aStudent({ leftOn: '2026-07-20' }, { dateOfBirth: '2009-05-01' })
    const refused = { status: 'refused' as const, recordedOn: '2026-09-01' }
    const withdrawn = { status: 'withdrawn' as const, recordedOn: '2026-10-01' }
    const given = { status: 'given' as const, recordedOn: '2026-09-01' }

    it('leaves out a refusal at 17', () => {
      const consents = new Map([[1, refused]])

      assert.deepEqual(destinationsUnknown([leaverAged17], [], TODAY, consents), [])
    })

    it('leaves out a withdrawal at 17', () => {
      const consents = new Map([[1, withdrawn]])
      const stale = aSpell({ checkedOn: '2026-01-10' })

      assert.deepEqual(destinationsUnknown([leaverAged17], [stale], TODAY, consents), [])
    })

    it('lists a leaver who gave consent', () => {
      const consents = new Map([[1, given]])

      const [entry] = destinationsUnknown([leaverAged17], [], TODAY, consents)

      assert.equal(entry?.status, 'no_actual')
    })

    it('lists a refusal under 16', () => {
      const consents = new Map([[1, refused]])

      const [entry] = destinationsUnknown([leaver], [], TODAY, consents)

      assert.equal(entry?.status, 'no_actual')
    })

    it('lists a school sixth form despite refusal', () => {
      const consents = new Map([[1, refused]])
      const sixthForm = aSpell({ type: 'school-sixth-form', checkedOn: null })

      const [entry] = destinationsUnknown([leaverAged17], [sixthForm], TODAY, consents)

      assert.equal(entry?.status, 'never_checked')
    })
  })
})

describe('ineligible targets', () => {
  const planningDate = '2027-08-31'

  it('lists target ineligible at planned start', () => {
    const student = aStudent({}, { provision: 'K', provisionCode: 'K', ehcPlanStartDate: null })
    const target = {
      studentId: 1,
      rank: 1,
      outcomeId: 'supported-internship',
      plannedStart: '2027-09-01',
    }

    const [entry] = ineligibleTargets([student], [target], TODAY, planningDate)

    assert.equal(entry?.date, '2027-09-01')
    assert.match(entry?.why ?? '', /^Target 1 \(Supported internship\) is not eligible\. /)
    assert.match(entry?.why ?? '', /EHC plan/)
  })

  it('uses the planning date when no start is planned', () => {
    const target = { studentId: 1, rank: 2, outcomeId: 'supported-internship', plannedStart: null }

    const young = aStudent({}, { dateOfBirth: '2012-01-15' })

    const [entry] = ineligibleTargets([young], [target], TODAY, planningDate)

    assert.equal(entry?.date, planningDate)
    assert.match(entry?.why ?? '', /ages 16 to 24/)
  })

  it('leaves out an eligible target', () => {
    const older = aStudent({}, { dateOfBirth: '2009-03-01' })
    const target = {
      studentId: 1,
      rank: 1,
      outcomeId: 'supported-internship',
      plannedStart: '2027-09-01',
    }

    assert.deepEqual(ineligibleTargets([older], [target], TODAY, planningDate), [])
  })

  it('lists a target no longer in the catalogue', () => {
    const target = { studentId: 1, rank: 3, outcomeId: 'space-pilot', plannedStart: null }

    const [entry] = ineligibleTargets([aStudent()], [target], TODAY, planningDate)

    assert.match(entry?.why ?? '', /Target 3 \(space-pilot\) is no longer in the outcome catalogue/)
  })

  it('leaves out a student who left', () => {
    const target = { studentId: 1, rank: 1, outcomeId: 'supported-internship', plannedStart: null }
    const student = aStudent({ leftOn: TODAY })

    assert.deepEqual(ineligibleTargets([student], [target], TODAY, planningDate), [])
  })
})
