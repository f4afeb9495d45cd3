// The fixed words of the "My future" page, which a student reads with a member of staff and
// takes home on paper. Every idea has a picture, and every sentence keeps the easy-read rules:
// 15 words or fewer, no acronyms, and a hard word explained in the next sentence. A word in
// braces, such as `{name}`, is replaced with the student's own details on the page.
import type { EasyReadIdea } from './types.js'

/** One heading of the page with its picture. */
export interface EasyReadHeading {
  icon: string
  text: string
}

export const MY_FUTURE_TEXT = {
  title: 'My future',
  intro: {
    icon: 'map',
    sentences: ['This is my plan for after school.', 'I can look at it with my family.'],
  },

  aboutMe: {
    heading: { icon: 'person', text: 'About me' },
    name: { icon: 'person', sentences: ['My name is {name}.'] },
    whoIAm: { icon: 'person', text: 'Who I am' },
    whatILike: { icon: 'heart', text: 'What I like' },
    notWritten: { icon: 'chat', sentences: ['We will write this together soon.'] },
  },

  wants: {
    heading: { icon: 'star', text: 'What I want to do' },
    ownWords: { icon: 'chat', sentences: ['These are my own words.'] },
    empty: { icon: 'chat', sentences: ['We will talk about what I want to do.'] },
    goalsHeading: { icon: 'tick', text: 'My goals' },
    goalsIntro: {
      icon: 'tick',
      sentences: [
        'A goal is something I am working towards.',
        'It helps me get ready for adult life.',
      ],
    },
  },

  /** The four parts of getting ready for adult life that a goal can be about. */
  areas: {
    employment: { icon: 'work', text: 'Work and learning' },
    independent_living: { icon: 'house', text: 'Living as I choose' },
    community: { icon: 'friends', text: 'Friends and being part of my community' },
    health: { icon: 'health', text: 'Staying healthy' },
  },

  goalStatuses: {
    active: 'I am working on this.',
    achieved: 'I did this.',
    stopped: 'I stopped this.',
  },

  options: {
    heading: { icon: 'signpost', text: 'My options' },
    intro: {
      icon: 'signpost',
      sentences: ['Options are things I could do after school.', 'I can choose what to try.'],
    },
    wantToTry: { icon: 'star', text: 'I want to try this' },
    empty: { icon: 'question', sentences: ['We will look at my options together.'] },
  },

  nextSteps: {
    heading: { icon: 'steps', text: 'My next steps' },
    intro: {
      icon: 'steps',
      sentences: ['Next steps are things to do soon.', 'They help me get to my goals.'],
    },
    who: { icon: 'helpers', sentences: ['{who} will do this.'] },
    when: { icon: 'calendar', sentences: ['We will do this by {date}.'] },
    noDate: { icon: 'calendar', sentences: ['We have not picked a day yet.'] },
    empty: { icon: 'steps', sentences: ['We will plan my next steps together.'] },
    doneHeading: { icon: 'tick', text: 'Things I have done' },
  },

  /** The meaning of each action status in easy words. A dropped step shows only when ticked. */
  actionStatuses: {
    not_started: { icon: 'clock', sentences: ['We have not started this yet.'] },
    in_progress: { icon: 'clock', sentences: ['We are doing this now.'] },
    done: { icon: 'tick', sentences: ['This is done.'] },
    dropped: { icon: 'hands', sentences: ['We stopped this step.'] },
  },

  helpers: {
    heading: { icon: 'helpers', text: 'Who helps me' },
    intro: { icon: 'helpers', sentences: ['These people help me with my plan.'] },
    empty: { icon: 'helpers', sentences: ['We will write who helps me.'] },
  },

  print: {
    button: 'Print this page',
    howTo: 'To print this page, press Control and P. On a Mac, press Command and P.',
  },
} as const satisfies Record<string, unknown>

/** Lists every idea of MY_FUTURE_TEXT, for the easy-read checks. */
export function myFutureIdeas(): EasyReadIdea[] {
  const ideas: EasyReadIdea[] = []
  const visit = (value: unknown) => {
    if (typeof value !== 'object' || value === null) return
    if ('sentences' in value && 'icon' in value) ideas.push(value as EasyReadIdea)
    else Object.values(value).forEach(visit)
  }
  visit(MY_FUTURE_TEXT)
  return ideas
}

/** Replaces each `{key}` in a sentence with its value. A key with no value is left as it is. */
export function fillSentence(sentence: string, values: Record<string, string>): string {
  return sentence.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)
}
