// Careers activities for the demo school: whole year groups at an employer event, on work
// experience and at a college, and one-to-one guidance interviews in Year 11.
import type { IsoDate } from '../domain/types.js'
import type { StudentChoice } from '../features/activities/activity.repository.js'
import {
  DEMO_ACTOR,
  dateBetween,
  dayOfThisYear,
  expectOk,
  sample,
  schoolDay,
  type DemoContext,
  type DemoStudent,
} from './demo-context.js'

/** The share of Year 11 students who have had a guidance interview. */
const INTERVIEW_SHARE = 0.45

const STUDENT_ADJUSTMENTS = [
  'Went with a teaching assistant',
  'Used a printed sheet of questions to ask',
  'Took a break halfway through in a quiet room',
  'Arrived ten minutes early, before the crowds',
]

const INTERVIEW_REFLECTIONS = [
  'The adviser showed me which courses I can apply for with my grades.',
  'I want to visit the college before I choose.',
  'I did not know about supported internships. I would like to find out more.',
]

const INTERVIEW_ADJUSTMENTS = [
  'Questions shared the day before',
  'Held in the student’s usual classroom, with a teaching assistant',
  'A parent joined by video call',
  'Visual prompts and a timer used',
]

interface GroupActivity {
  kind: string
  title: string
  provider: string
  heldOn: IsoDate
  adjustments: string
  yearGroup: string
  /** Reflections students wrote afterwards. The demo records a few of them. */
  reflections: string[]
}

/** Records the demo's careers activities and returns how many were recorded. */
export async function addDemoActivities(
  context: DemoContext,
  students: DemoStudent[],
): Promise<number> {
  const { academicYear } = context
  const groupActivities: GroupActivity[] = [
    {
      kind: 'employer_encounter',
      title: 'Meet the employers morning',
      provider: 'Brambleford Business Partnership (fictional)',
      heldOn: dayOfThisYear(context, 40),
      adjustments:
        'Quiet room open all morning. Photos of each stand were sent home a week before.',
      yearGroup: '10',
      reflections: [
        'I liked talking to the nurse. I did not know there were so many jobs in a hospital.',
        'The builders said I could try a taster day in the summer.',
      ],
    },
    {
      // Held in June of the previous academic year, when this year's Year 11 were in Year 10.
      kind: 'workplace_experience',
      title: 'Work experience week',
      provider: 'Local employers arranged by the school',
      heldOn: schoolDay(`${academicYear}-06-22`),
      adjustments:
        'Placements chosen with each student and family. Staff visited every placement on the first day.',
      yearGroup: '11',
      reflections: [
        'The kitchen was loud but I enjoyed making the pizzas.',
        'I was nervous on the first day, but the staff were kind and showed me everything.',
      ],
    },
    {
      kind: 'education_encounter',
      title: 'Visit to Brambleford College',
      provider: 'Brambleford College (fictional)',
      heldOn: dayOfThisYear(context, 55),
      adjustments: 'Tours in groups of six. A photo guide to the college was shared beforehand.',
      yearGroup: '11',
      reflections: [
        'I want to find out more about the bricklaying course.',
        'I would like to go back and try the animal care room again.',
      ],
    },
  ]

  let count = 0
  for (const activity of groupActivities) {
    const members = students.filter((student) => student.student.ncYear === activity.yearGroup)
    if (members.length === 0) continue
    const { reflections, yearGroup, ...fields } = activity
    const id = await record(context, fields, { by: 'year', yearGroup })
    await addStudentParts(context, id, members, reflections)
    count += 1
  }
  return count + (await addInterviews(context, students))
}

async function record(
  context: DemoContext,
  activity: Omit<GroupActivity, 'yearGroup' | 'reflections'>,
  choice: StudentChoice,
): Promise<number> {
  const input = { ...activity, schoolId: context.schoolId, choice, benchmark: null }
  const result = await context.services.activities.recordActivity(context.scope, input, DEMO_ACTOR)
  return expectOk(result, `record the activity "${activity.title}"`).id
}

/** Gives a few students on a group activity their own adjustments or a reflection. */
async function addStudentParts(
  context: DemoContext,
  activityId: number,
  members: DemoStudent[],
  reflections: string[],
) {
  const { random, services, scope } = context
  for (const student of sample(random, members, random.integer(2, 4))) {
    const part = {
      adjustments: random.chance(0.6) ? random.pick(STUDENT_ADJUSTMENTS) : null,
      reflection: random.chance(0.6) ? random.pick(reflections) : null,
    }
    if (!part.adjustments && !part.reflection) part.reflection = random.pick(reflections)
    // Each part is written once, just after the activity is recorded, so it is at version 1.
    const result = await services.activities.changeStudentPart(
      scope,
      activityId,
      student.id,
      1,
      part,
      DEMO_ACTOR,
    )
    expectOk(result, `record the part of student ${student.id} in activity ${activityId}`)
  }
}

/**
 * Records a guidance interview for some Year 11 students, each on a school day of this academic
 * year, or of last summer when this year has had no school days yet.
 */
async function addInterviews(context: DemoContext, students: DemoStudent[]): Promise<number> {
  const { random, academicYear, yesterday } = context
  const year11 = students.filter((student) => student.student.ncYear === '11')
  const interviewed = year11.filter(() => random.chance(INTERVIEW_SHARE))
  const from = `${academicYear}-09-08`
  for (const student of interviewed) {
    const heldOn =
      from <= yesterday
        ? schoolDay(dateBetween(random, from, yesterday))
        : schoolDay(`${academicYear}-07-0${random.integer(1, 9)}`)
    const activity = {
      kind: 'guidance_interview',
      title: 'Careers guidance interview',
      provider: 'Brambleford Careers Service (fictional)',
      heldOn,
      adjustments: random.pick(INTERVIEW_ADJUSTMENTS),
    }
    const id = await record(context, activity, { by: 'students', studentIds: [student.id] })
    if (random.chance(0.4)) {
      const part = { adjustments: null, reflection: random.pick(INTERVIEW_REFLECTIONS) }
      const result = await context.services.activities.changeStudentPart(
        context.scope,
        id,
        student.id,
        1,
        part,
        DEMO_ACTOR,
      )
      expectOk(result, `record the reflection of student ${student.id} on activity ${id}`)
    }
  }
  return interviewed.length
}
