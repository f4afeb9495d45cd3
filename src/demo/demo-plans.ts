// Career plans for the demo school, written through the plan service so every part is validated
// and audited the way a person's would be.
import { addDays, addYears } from '../domain/calendar.js'
import { evaluateEligibility } from '../domain/eligibility.js'
import { needsPreparingForAdulthoodPrompt, PFA_AREAS } from '../domain/plan.js'
import type { GatheredHow, PfaArea } from '../domain/plan.js'
import type { CareerSendGroup, IsoDate } from '../domain/types.js'
import { resolveReferenceDate } from '../features/eligibility/reference-date.js'
import type {
  ActionInput,
  ReviewInput,
  TargetChoiceInput,
} from '../features/plans/plan.validation.js'
import { MAX_YEARS_AHEAD } from '../features/plans/plan.dates.js'
import {
  DEMO_ACTOR,
  expectOk,
  sample,
  septemberStart,
  type DemoContext,
  type DemoStudent,
} from './demo-context.js'
import type { Random } from './random.js'

/** The share of students in Year 9 and above who get a plan. The rest show on the no-plan list. */
const PLAN_SHARE = 0.85

/** How many students get a target they are too young for, so the ineligible-targets list has some. */
const TOO_EARLY_TARGETS = 2

const ASPIRATIONS: Record<CareerSendGroup, Record<GatheredHow, string[]>> = {
  one: {
    own_words: [
      'I like being outside. I want to work in a garden.',
      'I want to work in a café and make the drinks.',
      'I want to go to college with my friends.',
      'I want to look after animals on a farm.',
    ],
    with_support: [
      'Wants a job helping in a shop, putting things on the shelves.',
      'Would like to live in a flat with friends and have a job nearby.',
      'Enjoys music and wants to help at the community radio station.',
    ],
    symbols_aac: [
      'Chose the symbols for "work", "café" and "friends" on the communication board.',
      'Chose "outside", "plants" and "bus" from the symbol book when asked about the future.',
    ],
    family_view: [
      'The family would like them to stay at a college close to home and keep their friends.',
      'The family hopes they can do volunteering with animals and travel there with support.',
    ],
  },
  two: {
    own_words: [
      'I want to be a mechanic and fix cars like my uncle.',
      'I would like to work with animals, maybe at a vet’s.',
      'I want to go to college to do hair and beauty.',
      'I want to be a chef in a big restaurant.',
      'I want an apprenticeship in plumbing or electrics.',
      'I like computers and want a job fixing them.',
      'I want to study sport and become a coach.',
    ],
    with_support: [
      'Would like to work with young children, perhaps in a nursery.',
      'Wants to design games and is interested in a college course in computing.',
    ],
    symbols_aac: [
      'Used the talker to say "job", "cars" and "college" when asked about the future.',
    ],
    family_view: [
      'The family would like them to go to the local college and then find paid work.',
      'The family hopes they will stay in the sixth form for two more years.',
    ],
  },
}

const GOALS: Record<PfaArea, string[]> = {
  employment: [
    'Complete a work taster in a real workplace',
    'Find out which college courses lead to the job they want',
    'Practise interview questions with the careers adviser',
    'Write a CV with support',
  ],
  independent_living: [
    'Travel to college by bus on their own',
    'Manage a small budget for lunches each week',
    'Cook a simple meal at home using a picture checklist',
  ],
  community: [
    'Join an after-school club with students from other years',
    'Keep in touch with friends outside school, using a phone safely',
  ],
  health: [
    'Book and go to their own GP appointment with support',
    'Keep to a sleep routine on school nights',
    'Tell a trusted adult when anxiety builds up',
  ],
}

const ACTIONS: { what: string; who: string }[] = [
  { what: 'Book a place on the college open evening', who: 'Careers adviser' },
  { what: 'Arrange a work experience placement', who: 'Work experience coordinator' },
  { what: 'Start travel training on the route to college', who: 'Teaching assistant' },
  { what: 'Send the college application', who: 'Student, with a parent or carer' },
  { what: 'Ask the local authority about supported internships', who: 'SENCo' },
  { what: 'Visit two post-16 options with the family', who: 'Parent or carer' },
  { what: 'Update the one-page profile with the student', who: 'Form tutor' },
  { what: 'Share the plan with the college’s learning support team', who: 'SENCo' },
]

const REVIEW_TEXT = {
  ehcp_annual: {
    participants: 'Student, parent, SENCo, careers adviser, local authority SEND officer',
    summaries: [
      'Annual review held. Outcomes for all four Preparing for Adulthood areas were updated, and the student spoke about their plans with support.',
      'Annual review held. The family agreed the post-16 options to visit, and travel training was added to the plan.',
    ],
  },
  careers_guidance: {
    participants: 'Student, careers adviser, form tutor',
    summaries: [
      'Reviewed progress on the actions and agreed the next steps towards college.',
      'Talked through the work taster. The student wants to try a second workplace before choosing.',
    ],
  },
  transition: {
    participants: 'Student, parent, SENCo, college transition worker',
    summaries: [
      'Transition review with the college. Visits and a support plan for the first term were agreed.',
    ],
  },
}

/** Outcomes a demo target is drawn from, with weights, for each Career SEND group. */
const TARGET_OUTCOMES: Record<CareerSendGroup, { id: string; weight: number }[]> = {
  one: [
    { id: 'supported-internship', weight: 4 },
    { id: 'extended-work-placement', weight: 3 },
    { id: 'supported-volunteering', weight: 2 },
    { id: 'supported-apprenticeship', weight: 2 },
    { id: 'supported-independent-living', weight: 2 },
    { id: 'supported-self-employment', weight: 1 },
  ],
  two: [
    { id: 'further-education-college', weight: 4 },
    { id: 'apprenticeship', weight: 3 },
    { id: 'supported-employment', weight: 1 },
    { id: 'specialist-college', weight: 1 },
    { id: 'paid-employment', weight: 1 },
  ],
}

const TARGET_NOTES = ['Discussed at the last review', 'Taster day booked', 'Family agrees', '']

export interface PlannedStudent extends DemoStudent {
  /** The latest date of the plan's records: the leaving date for a leaver, otherwise yesterday. */
  asOf: IsoDate
  left: boolean
}

/**
 * Writes career plans for most students in Year 9 and above, and for every leaver. Returns the
 * number of plans written.
 */
export async function addDemoPlans(
  context: DemoContext,
  students: DemoStudent[],
  leftOn: Map<number, IsoDate>,
): Promise<number> {
  const { random } = context
  const planned: PlannedStudent[] = students
    .filter((student) => leftOn.has(student.id) || student.yearLevel >= 9)
    .filter((student) => leftOn.has(student.id) || random.chance(PLAN_SHARE))
    .map((student) => {
      const left = leftOn.get(student.id)
      return { ...student, asOf: left ?? context.yesterday, left: left !== undefined }
    })
  const tooEarly = new Set(
    sample(
      random,
      planned.filter((student) => !student.left && [9, 10].includes(student.yearLevel)),
      TOO_EARLY_TARGETS,
    ).map((student) => student.id),
  )

  for (const student of planned) await addPlan(context, student, tooEarly.has(student.id))
  return planned.length
}

async function addPlan(context: DemoContext, student: PlannedStudent, tooEarly: boolean) {
  const { services, scope, random } = context
  const plans = services.plans
  const id = student.id
  const what = (part: string) => `add the ${part} to the plan of student ${id}`
  let version = 0

  const aspiration = aspirationFor(random, student)
  version = expectOk(
    await plans.addPart(scope, id, 'aspiration', version, aspiration, DEMO_ACTOR),
    what('aspiration'),
  ).version

  const areas = sample(random, Object.keys(PFA_AREAS) as PfaArea[], random.integer(1, 3))
  for (const area of areas) {
    const goal = { area, goal: random.pick(GOALS[area]), status: goalStatus(random) }
    version = expectOk(
      await plans.addPart(scope, id, 'goal', version, goal, DEMO_ACTOR),
      what('goal'),
    ).version
  }

  const targets = targetsFor(context, student, tooEarly)
  version = expectOk(
    await plans.setTargets(scope, id, version, targets, DEMO_ACTOR),
    what('targets'),
  ).version

  for (const action of sample(random, ACTIONS, random.integer(2, 3))) {
    const input = actionFor(context, student, action)
    version = expectOk(
      await plans.addPart(scope, id, 'action', version, input, DEMO_ACTOR),
      what('action'),
    ).version
  }

  const review = reviewFor(context, student)
  expectOk(await plans.addPart(scope, id, 'review', version, review, DEMO_ACTOR), what('review'))
}

function aspirationFor(random: Random, student: PlannedStudent) {
  const group = student.group ?? 'two'
  const gatheredHow = random.weighted(
    Object.keys(ASPIRATIONS[group]) as GatheredHow[],
    (how) =>
      ({
        own_words: group === 'one' ? 2 : 6,
        with_support: group === 'one' ? 4 : 2,
        symbols_aac: group === 'one' ? 3 : 0.3,
        family_view: 1.5,
      })[how],
  )
  const recordedOn = addDays(student.asOf, -random.integer(20, 250))
  return { words: random.pick(ASPIRATIONS[group][gatheredHow]), gatheredHow, recordedOn }
}

function goalStatus(random: Random): string {
  const weights = { active: 16, achieved: 3, stopped: 1 }
  return random.weighted(Object.keys(weights) as (keyof typeof weights)[], (s) => weights[s])
}

/**
 * Returns the September of the student's next step: after Year 11, after Year 13, or next
 * September for a student already in Year 13 or above. Null when that is further ahead than a
 * plan date may be.
 */
function nextStepStart(context: DemoContext, student: PlannedStudent): IsoDate | null {
  const { academicYear, today } = context
  const level = student.yearLevel
  let yearsAhead = 1
  if (level <= 11) yearsAhead = 12 - level
  else if (level === 12) yearsAhead = 2
  const start = septemberStart(academicYear + Math.max(1, yearsAhead))
  return start < addYears(today, MAX_YEARS_AHEAD) ? start : null
}

/**
 * Chooses one or two targets from the student's group that the eligibility rules allow on the
 * planned start, or on the planning year's reference date when there is none. Years 9 and 10 get
 * a planned start, because the planning year is not the year they leave. A `tooEarly` student
 * also gets an apprenticeship target with no planned start, which is ineligible on the planning
 * date, as a careers leader would find on the work list.
 */
function targetsFor(
  context: DemoContext,
  student: PlannedStudent,
  tooEarly: boolean,
): TargetChoiceInput[] {
  const { random } = context
  const group = student.group ?? 'two'
  const start = nextStepStart(context, student)
  const plannedStart = start && (student.yearLevel < 11 || random.chance(0.4)) ? start : null
  const planning = resolveReferenceDate({}, context.today)
  if (!planning.ok) throw new Error(`The default planning year failed: ${planning.error}`)

  const on = plannedStart ?? planning.value.date
  const verdicts = evaluateEligibility({ facts: student.facts, group, referenceDate: on })
  const allowed = TARGET_OUTCOMES[group].filter((outcome) =>
    verdicts.some((v) => v.outcomeId === outcome.id && v.verdict !== 'not_eligible'),
  )
  const choices: TargetChoiceInput[] = []
  if (tooEarly) {
    const outcomeId = group === 'one' ? 'supported-apprenticeship' : 'apprenticeship'
    choices.push({ outcomeId, plannedStart: '', note: 'Keen to start as soon as they can' })
  }

  const count = random.integer(1, 2)
  while (choices.length < count + (tooEarly ? 1 : 0)) {
    const left = allowed.filter((outcome) => !choices.some((c) => c.outcomeId === outcome.id))
    if (left.length === 0) break
    const outcomeId = random.weighted(left, (outcome) => outcome.weight).id
    choices.push({ outcomeId, plannedStart: plannedStart ?? '', note: random.pick(TARGET_NOTES) })
  }
  return choices
}

/** Returns an action that is done, overdue or still to come. A leaver's actions are all done. */
function actionFor(
  context: DemoContext,
  student: PlannedStudent,
  action: { what: string; who: string },
): ActionInput {
  const { random, today } = context
  const weights = { done: 7, overdue: 4, upcoming: 9 }
  const states = Object.keys(weights) as (keyof typeof weights)[]
  const state = student.left ? 'done' : random.weighted(states, (s) => weights[s])
  if (state === 'done') {
    return { ...action, dueOn: addDays(student.asOf, -random.integer(10, 150)), status: 'done' }
  }
  const status = random.chance(0.5) ? 'not_started' : 'in_progress'
  if (state === 'overdue') {
    return { ...action, dueOn: addDays(student.asOf, -random.integer(3, 60)), status }
  }
  return { ...action, dueOn: addDays(today, random.integer(7, 120)), status }
}

/**
 * Returns the plan's latest review. A student with an EHC plan from Year 9 has an annual review
 * that covers all four Preparing for Adulthood areas, with the next one a year on. It is held on
 * the register's review date when that is in the last 400 days. Other students have a careers
 * review whose next date is overdue, due within 28 days, or later. A leaver's has no next date.
 */
function reviewFor(context: DemoContext, student: PlannedStudent): ReviewInput {
  const { random, today } = context
  const { asOf } = student
  if (student.hasEhcPlan && needsPreparingForAdulthoodPrompt(student.student, asOf)) {
    const registered = student.student.ehcPlanReviewDate
    const recent = registered && registered <= asOf && registered > addDays(asOf, -400)
    const heldOn = recent ? registered : addDays(asOf, -random.integer(15, 400))
    const text = REVIEW_TEXT.ehcp_annual
    return {
      heldOn,
      kind: 'ehcp_annual',
      participants: text.participants,
      summary: random.pick(text.summaries),
      nextReviewOn: student.left ? '' : addYears(heldOn, 1),
      pfaAreas: Object.keys(PFA_AREAS),
    }
  }

  const kind = student.yearLevel >= 11 && random.chance(0.3) ? 'transition' : 'careers_guidance'
  const daysAgo = random.integer(40, 220)
  const heldOn = addDays(asOf, -daysAgo)
  const when = random.weighted(['overdue', 'due', 'later'] as const, (state) =>
    state === 'later' ? 3 : 1,
  )
  const next = {
    overdue: addDays(today, -random.integer(1, Math.min(30, daysAgo - 1))),
    due: addDays(today, random.integer(0, 27)),
    later: addDays(today, random.integer(35, 180)),
  }[when]
  return {
    heldOn,
    kind,
    participants: REVIEW_TEXT[kind].participants,
    summary: random.pick(REVIEW_TEXT[kind].summaries),
    nextReviewOn: student.left ? '' : next,
    pfaAreas: [],
  }
}
