import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { test } from 'node:test'

import { OUTCOME_CATALOGUE, PAID_EMPLOYMENT_MIN_HOURS } from '../catalogue.js'
import {
  EASY_READ_OUTCOMES,
  ICONS,
  checkEasyReadIdea,
  checkEasyReadOutcome,
  checkEasyReadPicture,
  checkEasyReadText,
  checkProductText,
  easyReadOutcome,
  iconSvg,
  isIconId,
  splitSentences,
} from './index.js'
import type { EasyReadOutcome, EasyReadProblem } from './index.js'
import { BANNED_ACRONYMS } from './word-lists.js'

// Files of the module whose exports are code, rules or word lists rather than easy-read text.
const FILES_WITHOUT_TEXT = new Set(['check.ts', 'word-lists.ts', 'index.ts', 'types.ts'])

// Keys whose values are names for code (picture names, outcome ids, SVG markup), not text to read.
const KEYS_WITHOUT_TEXT = new Set(['icon', 'outcomeId', 'id', 'body'])

interface FoundProblem {
  path: string
  problem: EasyReadProblem
}

/**
 * Walks any exported value and checks every easy-read text in it: an object with `ideas` is an
 * outcome, an object with `sentences` is an idea, and any other string is product text.
 * NOTE: functions are not called, so text that a function builds (from a name, say) is not checked.
 */
function collectProblems(value: unknown, path: string): FoundProblem[] {
  const found = (problems: EasyReadProblem[]) => problems.map((problem) => ({ path, problem }))

  if (typeof value === 'string') return found(checkProductText(value))
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => collectProblems(item, `${path}[${index}]`))
  }
  if (typeof value !== 'object' || value === null) return []

  const record = value as Record<string, unknown>
  if ('ideas' in record && 'title' in record) {
    return found(checkEasyReadOutcome(record as unknown as EasyReadOutcome))
  }
  if ('sentences' in record) {
    const idea = { icon: record.icon as string, sentences: record.sentences as string[] }
    return found(checkEasyReadIdea(idea))
  }

  // Any other object with a picture, such as a heading, must name a picture that exists.
  const besideText = typeof record.text === 'string' ? record.text : path
  const pictureProblems =
    'icon' in record ? found(checkEasyReadPicture(record.icon as string, besideText)) : []
  const textProblems = Object.entries(record)
    .filter(([key]) => !KEYS_WITHOUT_TEXT.has(key))
    .flatMap(([key, item]) => collectProblems(item, `${path}.${key}`))
  return [...pictureProblems, ...textProblems]
}

/** Imports every source file of the module, so text in a file that index.ts misses is checked too. */
async function importTextModules(): Promise<Map<string, Record<string, unknown>>> {
  const folder = new URL('./', import.meta.url)
  const files = readdirSync(folder).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !FILES_WITHOUT_TEXT.has(file),
  )
  const modules = new Map<string, Record<string, unknown>>()
  for (const file of files) {
    const url = new URL(file.replace(/\.ts$/, '.js'), folder)
    modules.set(file, (await import(url.href)) as Record<string, unknown>)
  }
  return modules
}

function formatProblems(found: FoundProblem[]): string {
  return found.map(({ path, problem }) => `${path}: ${problem.message}`).join('\n')
}

test('every exported text passes the checks', async () => {
  const modules = await importTextModules()
  assert.ok(modules.has('my-future-text.ts'), 'my-future-text.ts should be among the checked files')
  assert.ok(modules.has('outcomes.ts'), 'outcomes.ts should be among the checked files')

  const found = [...modules].flatMap(([file, exports]) =>
    Object.entries(exports).flatMap(([name, value]) => collectProblems(value, `${file} ${name}`)),
  )

  assert.deepEqual(found, [], formatProblems(found))
})

test('text walk finds long, acronym and pictureless text', () => {
  const badText = {
    heading: 'Your plan from the LA',
    intro: 'This sentence is much too long because it keeps going on and on past fifteen words.',
    nested: { ideas: [{ icon: 'star', sentences: ['Fine.'] }], title: 'Fine', icon: 'star' },
    step: { sentences: ['You meet your coach.'] },
    section: { icon: 'unicorn', text: 'My plan' },
  }

  const kinds = collectProblems(badText, 'badText').map(({ path, problem }) => [path, problem.kind])

  assert.deepEqual(kinds, [
    ['badText.heading', 'acronym'],
    ['badText.intro', 'too-long'],
    ['badText.step', 'no-picture'],
    ['badText.section', 'no-picture'],
  ])
})

test('every catalogue outcome has easy read', () => {
  for (const outcome of OUTCOME_CATALOGUE.outcomes) {
    const easyRead = EASY_READ_OUTCOMES.find((candidate) => candidate.outcomeId === outcome.id)
    assert.ok(easyRead, `${outcome.id} has no easy-read version in EASY_READ_OUTCOMES`)
    assert.ok(easyRead.ideas.length >= 2, `${outcome.id} has fewer than 2 ideas`)
    assert.ok(easyRead.ideas.length <= 4, `${outcome.id} has more than 4 ideas`)
  }
  assert.equal(EASY_READ_OUTCOMES.length, OUTCOME_CATALOGUE.outcomes.length)
})

test('easy-read titles are all different', () => {
  const titles = EASY_READ_OUTCOMES.map((outcome) => outcome.title)

  assert.equal(new Set(titles).size, titles.length)
})

test('easyReadOutcome finds by id and falls back', () => {
  assert.equal(easyReadOutcome('supported-internship').title, 'An internship to learn a job')

  const unknown = easyReadOutcome('local-offer')
  assert.equal(unknown.title, 'local-offer')
  assert.deepEqual(unknown.ideas, [])
})

test('easy read follows the catalogue numbers', () => {
  const paidJob = easyReadOutcome('paid-employment').ideas.flatMap((idea) => idea.sentences)
  const apprenticeship = easyReadOutcome('apprenticeship').ideas.flatMap((idea) => idea.sentences)

  assert.ok(
    paidJob.includes(`You have a contract for ${PAID_EMPLOYMENT_MIN_HOURS} hours a week or more.`),
  )
  assert.ok(apprenticeship.includes('It lasts 8 months or more.'))
})

test('every used picture exists', () => {
  for (const outcome of EASY_READ_OUTCOMES) {
    assert.ok(isIconId(outcome.icon), `${outcome.outcomeId} uses unknown picture ${outcome.icon}`)
    for (const idea of outcome.ideas) {
      assert.ok(isIconId(idea.icon), `${outcome.outcomeId} uses unknown picture ${idea.icon}`)
    }
  }
})

test('pictures the My future page needs exist', () => {
  const needed = [
    'person', 'heart', 'star', 'signpost', 'steps', 'helpers', 'calendar', 'tick', 'clock',
    'house', 'friends', 'health', 'work', 'college', 'book', 'money', 'coach', 'shop', 'hands',
    'calm', 'tools', 'school', 'question', 'phone', 'paper', 'chat', 'map',
  ] // prettier-ignore

  for (const id of needed) assert.ok(isIconId(id), `picture ${id} is missing from ICONS`)
})

test('pictures are plain, different SVG', () => {
  const bodies = new Set<string>()
  for (const [id, icon] of Object.entries(ICONS)) {
    assert.doesNotMatch(icon.body, /style=|<script|<svg|href=/i, `${id} has markup not allowed`)
    assert.match(icon.body, /^<(path|circle|rect|polygon)/, `${id} does not start with a shape`)
    assert.ok(icon.label.length > 0, `${id} has no label`)
    assert.ok(!bodies.has(icon.body), `${id} draws the same as another picture`)
    bodies.add(icon.body)
  }
})

test('iconSvg hides the picture from screen readers', () => {
  const svg = iconSvg('star')

  assert.match(svg, /^<svg [^>]*viewBox="0 0 48 48"/)
  assert.match(svg, /aria-hidden="true"/)
  assert.match(svg, /fill="currentColor"/)
  assert.ok(svg.includes(ICONS.star.body))
})

test('iconSvg draws a person for an unknown name', () => {
  assert.ok(iconSvg('no-such-picture').includes(ICONS.person.body))
})

test('splitSentences splits at stops and line breaks', () => {
  assert.deepEqual(splitSentences('You are 16. Is it fun?  Yes!\nNext line'), [
    'You are 16.',
    'Is it fun?',
    'Yes!',
    'Next line',
  ])
})

test('splitSentences keeps closing quotes', () => {
  assert.deepEqual(splitSentences('Say “Hello.” Then wave. (It is fun.) Go!'), [
    'Say “Hello.”',
    'Then wave.',
    '(It is fun.)',
    'Go!',
  ])
})

test('check passes 15 words and stops at 16', () => {
  const fifteen =
    'One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen.'
  const sixteen = fifteen.replace('fifteen.', 'fifteen sixteen.')

  assert.deepEqual(checkEasyReadText(fifteen), [])
  assert.deepEqual(checkEasyReadText(sixteen), [
    {
      kind: 'too-long',
      subject: sixteen,
      message: `The sentence "${sixteen}" has 16 words. Easy read uses 15 or fewer, so split it in two.`,
    },
  ])
})

test('check counts each sentence on its own', () => {
  const text =
    'One two three four five six seven eight nine ten. Eleven twelve thirteen fourteen fifteen sixteen.'

  assert.deepEqual(checkEasyReadText(text), [])
})

test('check does not count dashes as words', () => {
  const text =
    'One two three four five six seven eight nine ten eleven twelve thirteen fourteen – fifteen.'

  assert.deepEqual(checkEasyReadText(text), [])
})

test('check reports each banned acronym', () => {
  for (const acronym of BANNED_ACRONYMS.keys()) {
    const problems = checkEasyReadText(`Ask about ${acronym} today.`)

    assert.equal(problems.length, 1, `${acronym} should give one problem`)
    assert.equal(problems[0]?.kind, 'acronym')
    assert.equal(problems[0]?.subject, acronym)
  }
})

test('check names the acronym and the fix', () => {
  assert.deepEqual(checkEasyReadText('You can go to FE.'), [
    {
      kind: 'acronym',
      subject: 'FE',
      message: "'FE' is an acronym. Write the words out, such as 'college'.",
    },
  ])
})

test('check reports plural and possessive acronyms', () => {
  const kinds = (text: string) => checkEasyReadText(text).map((problem) => problem.kind)

  assert.deepEqual(kinds('Some people have EHCPs.'), ['acronym'])
  assert.deepEqual(kinds("Meet the SENCO's team."), ['acronym'])
  assert.deepEqual(kinds('The PfA plan.'), ['acronym'])
})

test('check reports other acronym spellings', () => {
  const subjects = (text: string) => checkEasyReadText(text).map((problem) => problem.subject)

  assert.deepEqual(subjects('The SENCo will do this.'), ['SENCo'])
  assert.deepEqual(subjects('Ask about the ehcp.'), ['ehcp'])
  assert.deepEqual(subjects('Ask about the E.H.C.P. today.'), ['EHCP'])
  assert.deepEqual(subjects('Not N.E.E.T. any more.'), ['NEET'])
  assert.deepEqual(subjects('He can send it. We met la la.'), [])
})

test('check reports unlisted capital words', () => {
  assert.deepEqual(checkEasyReadText('Ask the ABC team.'), [
    { kind: 'acronym', subject: 'ABC', message: "'ABC' is an acronym. Write the words out." },
  ])
})

test('check allows I, OK, TV and ordinary words', () => {
  assert.deepEqual(checkEasyReadText('I watch TV. It is OK.'), [])
  assert.deepEqual(checkEasyReadText('Send a letter. We send it home.'), [])
  assert.deepEqual(checkEasyReadText('A sense of fun. The lane.'), [])
})

test('check reports empty text', () => {
  for (const text of ['', '   ', '\n\n', '...', ' - ']) {
    assert.deepEqual(checkEasyReadText(text), [
      { kind: 'empty', subject: text, message: 'The text is empty. Write one short sentence.' },
    ])
  }
})

test('idea check reports a missing picture', () => {
  const idea = { icon: '', sentences: ['You get paid.'] }

  assert.deepEqual(checkEasyReadIdea(idea), [
    {
      kind: 'no-picture',
      subject: 'You get paid.',
      message: `"You get paid." has no picture. Set its icon to a name from ICONS, such as 'person'.`,
    },
  ])
})

test('idea check reports an unknown picture', () => {
  const problems = checkEasyReadIdea({ icon: 'unicorn', sentences: ['You get paid.'] })

  assert.equal(problems.length, 1)
  assert.equal(problems[0]?.kind, 'no-picture')
  assert.equal(
    problems[0]?.message,
    `The picture 'unicorn' beside "You get paid." does not exist. Use a name from ICONS, such as 'person'.`,
  )
})

test('idea check reports empty and long sentences', () => {
  const long = 'You will go to the college on the bus every day with your friends and your teacher.'
  const kinds = checkEasyReadIdea({ icon: 'bus', sentences: [long] }).map((problem) => problem.kind)

  assert.deepEqual(kinds, ['too-long'])
  assert.deepEqual(
    checkEasyReadIdea({ icon: 'bus', sentences: [] }).map((problem) => problem.kind),
    ['empty'],
  )
})

test('hard word explained next passes', () => {
  const idea = {
    icon: 'coach',
    sentences: ['You meet your job coach.', 'A job coach is a person who helps you at work.'],
  }

  assert.deepEqual(checkEasyReadIdea(idea), [])
})

test('hard word explained in place passes', () => {
  assert.deepEqual(checkProductText('Volunteering means you help without pay. You volunteer.'), [])
  assert.deepEqual(checkProductText('A specialist college is a college with extra help.'), [])
})

test('hard word not explained is reported', () => {
  assert.deepEqual(checkProductText('You can do an internship. It is fun.'), [
    {
      kind: 'hard-word',
      subject: 'internship',
      message: `'internship' in "You can do an internship." is a hard word. Explain it in the next sentence, starting "An internship is".`,
    },
  ])
})

test('hard word explained too late is reported', () => {
  const text = 'You can do an internship. It is fun. An internship is a way to learn a job.'

  assert.deepEqual(
    checkProductText(text).map((problem) => problem.kind),
    ['hard-word'],
  )
})

test('hard word matches whole words only', () => {
  assert.deepEqual(checkProductText('You pay tax. Tax is money for the government.'), [])
  assert.deepEqual(checkProductText('Self-employment means you work for yourself.'), [])
  assert.deepEqual(checkProductText('The taxi is here. I can contact you.'), [])
})

test('outcome check explains title words in ideas', () => {
  const outcome = {
    outcomeId: 'supported-internship',
    title: 'An internship',
    icon: 'badge',
    ideas: [
      { icon: 'badge', sentences: ['An internship is a way to learn a job.'] },
      { icon: 'money', sentences: ['Your internship is not paid.'] },
    ],
  }

  assert.deepEqual(checkEasyReadOutcome(outcome), [])
})

test('outcome check reports every kind', () => {
  const outcome = {
    outcomeId: 'x',
    title: 'An internship at the LA',
    icon: 'nothing',
    ideas: [{ icon: '', sentences: ['You learn.'] }],
  }

  const kinds = checkEasyReadOutcome(outcome).map((problem) => problem.kind)

  assert.deepEqual(kinds, ['acronym', 'no-picture', 'no-picture', 'hard-word'])
  assert.deepEqual(
    checkEasyReadOutcome({ ...outcome, title: 'Fine', icon: 'star', ideas: [] }).map(
      (problem) => problem.kind,
    ),
    ['empty'],
  )
})
