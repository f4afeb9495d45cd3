// Easy-read versions of the Career SEND group one outcomes, in catalogue order.
import type { IconId } from './icons.js'
import type { EasyReadIdea, EasyReadOutcome } from './types.js'

/** Builds an idea whose picture name the compiler checks against ICONS. */
export function idea(icon: IconId, ...sentences: string[]): EasyReadIdea {
  return { icon, sentences }
}

/** The usual start for routes whose catalogue age of 16 is advisory, not a rule. */
const USUAL_START_AT_16 = idea('calendar', 'Most people start this after age 16.')

export const GROUP_ONE_EASY_READ: readonly EasyReadOutcome[] = [
  {
    outcomeId: 'supported-apprenticeship',
    title: 'An apprenticeship with extra help',
    icon: 'tools',
    ideas: [
      idea('work', 'An apprenticeship is a real job where you learn as you work.', 'You get paid.'),
      idea('college', 'You also learn in a classroom.', 'You get extra help with your learning.'),
      idea('book', 'You work towards a certificate in English and maths.'),
      idea(
        'paper',
        'You need a paper that says what help you need.',
        'This is often a plan from the council.',
        'Each apprenticeship decides if your paper is right for it.',
      ),
    ],
  },
  {
    outcomeId: 'supported-internship',
    title: 'An internship to learn a job',
    icon: 'badge',
    ideas: [
      idea(
        'badge',
        'An internship is a way to learn a job at a real workplace.',
        'You spend most of your time at the workplace.',
        'You do not get paid.',
        'The aim is a paid job at the end.',
      ),
      idea(
        'coach',
        'A job coach is a person who helps you learn the job.',
        'You also have your own study plan.',
      ),
      idea('calendar', 'It is for people aged 16 to 24.', 'It lasts 6 months or more.'),
      idea('paper', 'You need a plan from the council that says what help you get.'),
    ],
  },
  {
    outcomeId: 'traineeship',
    title: 'A traineeship to get ready for work',
    icon: 'steps',
    ideas: [
      idea(
        'steps',
        'A traineeship is a short course to get you ready for work.',
        'It lasts up to 6 months.',
        'It is for people aged 16 to 24.',
      ),
      idea('book', 'You learn English and maths.'),
      idea('work', 'You also try out a job at a real workplace.'),
      idea(
        'question',
        'The government stopped new traineeships in 2023.',
        'Courses for 16 to 19 year olds now include these parts.',
        'Ask your school what you can do near you.',
      ),
    ],
  },
  {
    outcomeId: 'own-enterprise',
    title: 'Your own business',
    icon: 'lightbulb',
    ideas: [
      idea('shop', 'You start your own business.', 'You sell things or do jobs for people.'),
      idea('person', 'You are the boss.', 'You decide what to do and when to work.'),
      idea('heart', 'Some businesses use the money they make to help people.'),
      USUAL_START_AT_16,
    ],
  },
  {
    outcomeId: 'supported-own-enterprise',
    title: 'Your own business with help',
    icon: 'shop',
    ideas: [
      idea('helpers', 'You run your own business, with help.', 'People help you start it.'),
      idea(
        'shop',
        'You sell things or do jobs for people.',
        'The help keeps going after the start.',
      ),
      USUAL_START_AT_16,
    ],
  },
  {
    outcomeId: 'self-employment',
    title: 'Working for yourself',
    icon: 'laptop',
    ideas: [
      idea('person', 'Being self-employed means you work for yourself.', 'You find your own work.'),
      idea(
        'money',
        'The people you work for pay you.',
        'You pay your own tax.',
        'Tax is money you pay to the government.',
      ),
      USUAL_START_AT_16,
    ],
  },
  {
    outcomeId: 'supported-self-employment',
    title: 'Working for yourself with help',
    icon: 'helpers',
    ideas: [
      idea(
        'helpers',
        'You work for yourself, with help.',
        'A helper or a group helps you while you work.',
        'The help keeps going, not just at the start.',
      ),
      idea('person', 'You find your own work.', 'The people you work for pay you.'),
      USUAL_START_AT_16,
    ],
  },
  {
    outcomeId: 'supported-volunteering',
    title: 'Volunteering with help',
    icon: 'giving',
    ideas: [
      idea(
        'giving',
        'Volunteering means you help out without getting paid.',
        'You might help at a shop, a farm or a park.',
      ),
      idea('helpers', 'You get help to take part.', 'You get help to feel more sure of yourself.'),
      idea('steps', 'It can be a step to other things, like a job or college.'),
    ],
  },
  {
    outcomeId: 'extended-work-placement',
    title: 'A long work placement',
    icon: 'work',
    ideas: [
      idea(
        'work',
        'A placement is time you spend learning at a real workplace.',
        'This one lasts longer than most.',
      ),
      idea('tools', 'You build skills for work.', 'Most people do this after age 16.'),
      idea(
        'college',
        'Sometimes you do a college course at the same time.',
        'The course is about one kind of work.',
      ),
      idea('bus', 'Some colleges help pay for your travel or living costs.'),
    ],
  },
  {
    outcomeId: 'therapeutic-environment',
    title: 'A place with therapy',
    icon: 'leaf',
    ideas: [
      idea(
        'health',
        'Therapy is help from a trained person for your body, mind or feelings.',
        'At this place, therapy is part of every day.',
      ),
      idea('house', 'It might be a college where you live.'),
      idea(
        'calendar',
        'It is usually for people aged 19 to 25.',
        'It is for young adults who need a lot of help.',
      ),
    ],
  },
  {
    outcomeId: 'supported-independent-living',
    title: 'Help to live more on your own',
    icon: 'house',
    ideas: [
      idea('key', 'You might get help to move to your own home.'),
      idea('clock', 'You might get help for part of the week.'),
      idea(
        'calm',
        'You might have short breaks away from home.',
        'Breaks give you and your family a rest.',
      ),
      idea('helpers', 'Your family and people from the council plan it with you.'),
    ],
  },
]
