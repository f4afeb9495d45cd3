// Destinations for the demo school: offers for Years 11 and 12, tracking consent, and a handful
// of leavers with what they went on to do.
import { addDays, addYears } from '../domain/calendar.js'
import type { CareerSendGroup, IsoDate } from '../domain/types.js'
import type { SpellInput } from '../features/destinations/destination.check.js'
import {
  DEMO_ACTOR,
  earlier,
  expectOk,
  later,
  sample,
  schoolDay,
  septemberStart,
  type DemoContext,
  type DemoStudent,
} from './demo-context.js'

/** The share of each year group with an offer for next year. The rest are on the September Guarantee list. */
const OFFER_SHARE: Record<string, number> = { '11': 0.8, '12': 0.85 }

/** The share of students with an offer outside the sixth form whose tracking consent is recorded. */
const CONSENT_SHARE = 0.5

const PROVIDERS: Record<string, string> = {
  'further-education-college': 'Brambleford College (fictional)',
  'sixth-form-college': 'Kestrel Vale Sixth Form College (fictional)',
  'specialist-college': 'Hollybank Specialist College (fictional)',
  'supported-internship': 'Brambleford General Hospital (fictional), with Brambleford College',
  apprenticeship: 'Juniper Lane Garage (fictional)',
  'paid-employment': 'Marigold Garden Centre (fictional)',
  'school-sixth-form': 'This school’s sixth form',
}

/** Offer types with weights, by NC year and Career SEND group. */
const OFFER_TYPES: Record<string, Record<CareerSendGroup, Record<string, number>>> = {
  '11': {
    one: { 'school-sixth-form': 5, 'specialist-college': 3, 'further-education-college': 2 },
    two: {
      'further-education-college': 5,
      'school-sixth-form': 3,
      apprenticeship: 2,
      'sixth-form-college': 1,
    },
  },
  '12': {
    one: { 'school-sixth-form': 8, 'specialist-college': 2 },
    two: { 'school-sixth-form': 7, 'further-education-college': 2, apprenticeship: 2 },
  },
}

/** The destination story of each leaver, handed out in this order. */
const LEAVER_STORIES = [
  'college',
  'not_known',
  'neet',
  'earlier_leaver',
  'work_based',
  'employment',
] as const
type LeaverStory = (typeof LEAVER_STORIES)[number]

export interface Leaver {
  student: DemoStudent
  leftOn: IsoDate
  story: LeaverStory
}

export interface DestinationCounts {
  spells: number
  consents: number
}

/** Returns the last school day on or before 18 July of `year`, a usual end of the summer term. */
function endOfSummerTerm(year: number): IsoDate {
  return schoolDay(`${year}-07-18`)
}

/**
 * Chooses up to six students in Year 13 and above to mark as leavers: most left at the end of
 * the previous academic year. One left a year earlier, because the October to March months of
 * last summer's leavers have not all passed until April, and only then can they count as sustained.
 */
export function chooseLeavers(context: DemoContext, students: DemoStudent[]): Leaver[] {
  const candidates = students.filter((student) => student.yearLevel >= 13)
  return sample(context.random, candidates, LEAVER_STORIES.length).map((student, index) => {
    const story = LEAVER_STORIES[index]!
    const year = story === 'earlier_leaver' ? context.academicYear - 1 : context.academicYear
    return { student, story, leftOn: endOfSummerTerm(year) }
  })
}

/**
 * Records an offer for most current students in Years 11 and 12, and the tracking consent of
 * some of those whose offer is outside the school's sixth form.
 */
export async function addDemoOffers(
  context: DemoContext,
  students: DemoStudent[],
): Promise<DestinationCounts> {
  const { random, academicYear, utcToday, yesterday } = context
  // A spell may start at most a year after today, so a run on 1 to 3 September starts it sooner.
  const start = earlier(septemberStart(academicYear + 1), addYears(utcToday, 1))
  const counts = { spells: 0, consents: 0 }

  for (const student of students) {
    const year = student.student.ncYear ?? ''
    const share = OFFER_SHARE[year]
    if (share === undefined || !random.chance(share)) continue
    const weights = OFFER_TYPES[year]![student.group ?? 'two']
    const type = random.weighted(Object.keys(weights), (key) => weights[key]!)
    const spell: SpellInput = { intent: 'intended', ...detailsOf(type), startDate: start }
    if (random.chance(0.5)) spell.checkedOn = addDays(yesterday, -random.integer(0, 40))
    await addSpell(context, student, spell)
    counts.spells += 1

    if (type !== 'school-sixth-form' && random.chance(CONSENT_SHARE)) {
      const status = random.weighted(['given', 'refused'], (s) => (s === 'given' ? 8 : 1))
      await recordConsent(context, student, status, addDays(yesterday, -random.integer(0, 60)))
      counts.consents += 1
    }
  }
  return counts
}

/**
 * Records each leaver's actual destinations, their tracking consent, and then their leaving date,
 * so the activities and plans written before still saw them as current students.
 */
export async function addDemoLeavers(
  context: DemoContext,
  leavers: Leaver[],
): Promise<DestinationCounts> {
  const counts = { spells: 0, consents: 0 }
  for (const leaver of leavers) {
    for (const spell of leaverSpells(context, leaver)) {
      await addSpell(context, leaver.student, spell)
      counts.spells += 1
    }
    if (leaver.story !== 'not_known') {
      const recordedOn = addDays(leaver.leftOn, -context.random.integer(10, 60))
      await recordConsent(context, leaver.student, 'given', recordedOn)
      counts.consents += 1
    }
    const result = await context.services.dataProtection.setLeftOn(
      context.scope,
      leaver.student.id,
      leaver.leftOn,
      DEMO_ACTOR,
    )
    expectOk(result, `record the leaving date of student ${leaver.student.id}`)
  }
  return counts
}

/**
 * Returns a leaver's actual spells. Most who left last summer started education, a supported
 * internship, an apprenticeship or employment in September, with no end date. One is not known.
 * One gave up a college place after six weeks and is NEET. The earlier leaver finished a one-year
 * college course and started an apprenticeship last September.
 */
function leaverSpells(context: DemoContext, leaver: Leaver): SpellInput[] {
  const { random, academicYear, yesterday } = context
  const september = earlier(septemberStart(academicYear), yesterday)
  const checked = (from: IsoDate) => later(from, addDays(yesterday, -random.integer(0, 40)))
  const actual = (type: string, startDate: IsoDate): SpellInput => ({
    intent: 'actual',
    ...detailsOf(type),
    startDate,
    checkedOn: checked(startDate),
  })

  switch (leaver.story) {
    case 'college':
      return [
        actual(
          leaver.student.group === 'one' ? 'specialist-college' : 'further-education-college',
          september,
        ),
      ]
    case 'work_based':
      return [
        actual(leaver.student.hasEhcPlan ? 'supported-internship' : 'apprenticeship', september),
      ]
    case 'employment':
      return [actual('paid-employment', september)]
    case 'not_known':
      return [{ intent: 'actual', type: 'not-known', startDate: september }]
    case 'neet': {
      const gaveUp = addDays(september, 42)
      if (gaveUp >= yesterday) return [actual('neet-seeking', september)]
      const college = { ...actual('further-education-college', september), endDate: gaveUp }
      return [college, actual('neet-seeking', addDays(gaveUp, 3))]
    }
    case 'earlier_leaver': {
      const course = septemberStart(academicYear - 1)
      const finished = `${academicYear}-07-10`
      const college = { ...actual('further-education-college', course), endDate: finished }
      return [college, actual('apprenticeship', september)]
    }
  }
}

/** Returns the provider, hours and pay that go with a destination type. */
function detailsOf(type: string): Pick<SpellInput, 'type' | 'provider' | 'hoursPerWeek' | 'paid'> {
  const provider = PROVIDERS[type]
  const details = { type, ...(provider !== undefined && { provider }) }
  if (type === 'apprenticeship') return { ...details, hoursPerWeek: 30, paid: true }
  if (type === 'paid-employment') return { ...details, hoursPerWeek: 32, paid: true }
  return details
}

async function addSpell(context: DemoContext, student: DemoStudent, spell: SpellInput) {
  const result = await context.services.destinations.addSpell(
    context.scope,
    student.id,
    spell,
    DEMO_ACTOR,
  )
  if (!result.ok && result.error.code === 'not_found') {
    throw new Error(`The demo could not add a destination: student ${student.id} not found`)
  }
  expectOk(result, `add a ${spell.intent} ${spell.type} destination for student ${student.id}`)
}

async function recordConsent(
  context: DemoContext,
  student: DemoStudent,
  status: string,
  recordedOn: IsoDate,
) {
  const note =
    status === 'refused'
      ? 'Would rather the school did not contact the college after they leave'
      : ''
  const result = await context.services.destinations.recordConsent(
    context.scope,
    student.id,
    { status, recordedOn: later(recordedOn, student.student.dateOfBirth), note },
    DEMO_ACTOR,
  )
  expectOk(result, `record the tracking consent of student ${student.id}`)
}
