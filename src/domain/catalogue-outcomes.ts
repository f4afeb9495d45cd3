// The outcome definitions of catalogue version 1.1.0. Summaries are the product's own plain words.
import type { OutcomeDefinition } from './catalogue.js'
import { PAID_EMPLOYMENT_MIN_HOURS } from './catalogue-settings.js'

export const GROUP_ONE_OUTCOMES: readonly OutcomeDefinition[] = [
  {
    id: 'supported-apprenticeship',
    group: 'one',
    title: 'Supported apprenticeship',
    summary:
      'A paid job with training at work and in a classroom, plus extra support. The learner works towards Entry Level 3 Functional Skills.',
    // The national minimum age for starting any apprenticeship in England is 16.
    rules: { minAge: 16, ehcPlan: 'case_by_case', paid: true },
  },
  {
    id: 'supported-internship',
    group: 'one',
    title: 'Supported internship',
    summary:
      'An unpaid study programme based mostly with an employer, with a job coach and a personal study plan, aiming at a paid job at the end.',
    rules: { minAge: 16, maxAge: 24, ehcPlan: 'required', paid: false, minDurationMonths: 6 },
  },
  {
    id: 'traineeship',
    group: 'one',
    title: 'Traineeship',
    summary:
      'Up to six months of work preparation, English and maths with a work placement. The national programme has closed, and its parts now sit in 16 to 19 study programmes.',
    // The national programme took its first starts in August 2013 and its last on 31 July 2023.
    rules: {
      minAge: 16,
      maxAge: 24,
      maxDurationMonths: 6,
      firstStartsOn: '2013-08-01',
      withdrawnAfter: '2023-07-31',
    },
  },
  {
    id: 'own-enterprise',
    group: 'one',
    title: 'Own enterprise',
    summary:
      'The young person sets up and runs a business of their own, which may be a social enterprise.',
    // 16 is the usual start, after compulsory school age ends in the school year of the 16th
    // birthday. It is a guide for planning, not a legal minimum, so the age is advisory.
    rules: { minAge: 16, ageIsAdvisory: true },
  },
  {
    id: 'supported-own-enterprise',
    group: 'one',
    title: 'Supported own enterprise',
    summary: 'The young person runs their own business, with help to start it and keep it going.',
    // 16 is the usual start, after compulsory school age ends in the school year of the 16th
    // birthday. It is a guide for planning, not a legal minimum, so the age is advisory.
    rules: { minAge: 16, ageIsAdvisory: true },
  },
  {
    id: 'self-employment',
    group: 'one',
    title: 'Self-employment',
    summary: 'The young person finds their own work and pays their own tax.',
    // 16 is the usual start, after compulsory school age ends in the school year of the 16th
    // birthday. It is a guide for planning, not a legal minimum, so the age is advisory.
    rules: { minAge: 16, ageIsAdvisory: true },
  },
  {
    id: 'supported-self-employment',
    group: 'one',
    title: 'Supported self-employment',
    summary: 'Self-employment with ongoing help from a support worker or organisation.',
    // 16 is the usual start, after compulsory school age ends in the school year of the 16th
    // birthday. It is a guide for planning, not a legal minimum, so the age is advisory.
    rules: { minAge: 16, ageIsAdvisory: true },
  },
  {
    id: 'supported-volunteering',
    group: 'one',
    title: 'Supported volunteering',
    summary:
      'Help to gain confidence and take part in volunteering. It can be a step towards other outcomes.',
    rules: {},
  },
  {
    id: 'extended-work-placement',
    group: 'one',
    title: 'Extended work placement',
    summary:
      'A longer placement with an employer to build skills for work, sometimes beside a vocational course. Some colleges help with travel or living costs.',
    // Extended placements are offered as post-16 study, so 16 is the usual start. The age is advisory
    // because no law sets it.
    rules: { minAge: 16, ageIsAdvisory: true },
  },
  {
    id: 'therapeutic-environment',
    group: 'one',
    title: 'Therapeutic environment',
    summary:
      'A setting with therapy built in, such as a residential specialist college, usually for young adults with complex needs.',
    rules: { minAge: 19, maxAge: 25, ageIsAdvisory: true },
  },
  {
    id: 'supported-independent-living',
    group: 'one',
    title: 'Supported independent living',
    summary:
      'Short breaks, respite or part-time support, or help to move into a home of their own, planned with the family and local services.',
    rules: {},
  },
]

export const GROUP_TWO_OUTCOMES: readonly OutcomeDefinition[] = [
  {
    id: 'paid-employment',
    group: 'two',
    title: 'Paid employment',
    summary: `A job with a contract of at least ${PAID_EMPLOYMENT_MIN_HOURS} hours a week.`,
    // Full-time work as a career outcome needs the student to be over compulsory school age, which
    // ends on the last Friday of June of the school year in which they turn 16. Before then, work is
    // limited to part-time child employment.
    rules: {
      paid: true,
      minHoursPerWeek: PAID_EMPLOYMENT_MIN_HOURS,
      overCompulsorySchoolAge: true,
    },
  },
  {
    id: 'supported-employment',
    group: 'two',
    title: 'Supported employment',
    summary:
      'A paid job with personal support such as a job coach. Access to Work can pay for support from age 16.',
    rules: { paid: true, minAge: 16, ageIsAdvisory: true },
  },
  {
    id: 'further-education-college',
    group: 'two',
    title: 'Further education college',
    summary:
      'Full- or part-time study from age 16, at any level from Functional Skills to a degree.',
    rules: { minAge: 16, ageIsAdvisory: true },
  },
  {
    id: 'specialist-college',
    group: 'two',
    title: 'Specialist college',
    summary:
      'A further education or training college for students with learning difficulties or disabilities, sometimes with places to live.',
    // Specialist colleges are post-16 providers, so 16 is the usual start. It is a guide for
    // planning, not a legal minimum, so the age is advisory.
    rules: { minAge: 16, ageIsAdvisory: true },
  },
  {
    id: 'apprenticeship',
    group: 'two',
    title: 'Apprenticeship',
    summary:
      'A job with a formal qualification and off-the-job training, usually one day a week at a college or training centre.',
    // The national minimum age for starting an apprenticeship in England is 16.
    rules: {
      minAge: 16,
      paid: true,
      minDurationMonths: 12,
      minDurationChanges: [{ startsFrom: '2025-08-01', minDurationMonths: 8 }],
    },
  },
]
