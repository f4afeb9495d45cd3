// Easy-read versions of the Career SEND group two outcomes, in catalogue order.
import { findOutcome } from '../catalogue.js'
import { PAID_EMPLOYMENT_MIN_HOURS } from '../catalogue-settings.js'
import { idea } from './outcomes-group-one.js'
import type { EasyReadOutcome } from './types.js'

/** Returns the minimum duration in months for new starts, which is the catalogue's latest rule. */
function currentMinDurationMonths(outcomeId: string): number {
  const rules = findOutcome(outcomeId)?.rules
  const latestChange = rules?.minDurationChanges?.at(-1)
  const months = latestChange?.minDurationMonths ?? rules?.minDurationMonths
  if (months === undefined)
    throw new Error(`The catalogue sets no minimum duration for ${outcomeId}.`)
  return months
}

export const GROUP_TWO_EASY_READ: readonly EasyReadOutcome[] = [
  {
    outcomeId: 'paid-employment',
    title: 'A paid job',
    icon: 'money',
    ideas: [
      idea('work', 'You have a job and get paid.'),
      idea(
        'paper',
        `You have a contract for ${PAID_EMPLOYMENT_MIN_HOURS} hours a week or more.`,
        'A contract is a paper that says your hours and pay.',
      ),
      idea('calendar', 'You can start after you finish Year 11.'),
    ],
  },
  {
    outcomeId: 'supported-employment',
    title: 'A job with a job coach',
    icon: 'coach',
    ideas: [
      idea(
        'coach',
        'A job coach is a person who helps you at work.',
        'They help you learn the job.',
      ),
      idea('work', 'You have a paid job.', 'You get help that fits you.'),
      idea(
        'money',
        'The government can pay for some of your help at work.',
        'This is called Access to Work.',
        'It can start from age 16.',
      ),
    ],
  },
  {
    outcomeId: 'further-education-college',
    title: 'Going to college',
    icon: 'college',
    ideas: [
      idea('college', 'You study at a college.', 'You can go full time or part time.'),
      idea('book', 'Colleges have courses for beginners and for people who know a lot.'),
      idea('calendar', 'You can start from age 16.'),
    ],
  },
  {
    outcomeId: 'specialist-college',
    title: 'A specialist college',
    icon: 'graduate',
    ideas: [
      idea(
        'graduate',
        'A specialist college is a college for students who need extra help to learn.',
      ),
      idea('tools', 'You learn skills for work and for life.'),
      idea('house', 'Some specialist colleges have places where you can live.'),
      idea('calendar', 'Most students start after age 16.'),
    ],
  },
  {
    outcomeId: 'apprenticeship',
    title: 'An apprenticeship',
    icon: 'hardhat',
    ideas: [
      idea('work', 'An apprenticeship is a real job where you learn as you work.', 'You get paid.'),
      idea('college', 'Most weeks, you spend one day learning at a college or training centre.'),
      idea(
        'graduate',
        'At the end you get a qualification.',
        'A qualification is a certificate that shows what you can do.',
      ),
      idea(
        'calendar',
        'You can start from age 16.',
        `It lasts ${currentMinDurationMonths('apprenticeship')} months or more.`,
      ),
    ],
  },
]
