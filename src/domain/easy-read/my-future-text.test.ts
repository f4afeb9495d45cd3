import assert from 'node:assert/strict'
import { test } from 'node:test'

import { checkEasyReadIdea } from './check.js'
import { isIconId } from './icons.js'
import { fillSentence, MY_FUTURE_TEXT, myFutureIdeas } from './my-future-text.js'

/** Lists every `{ icon, text }` heading of MY_FUTURE_TEXT. */
function headings(): { icon: string; text: string }[] {
  const found: { icon: string; text: string }[] = []
  const visit = (value: unknown) => {
    if (typeof value !== 'object' || value === null) return
    if ('icon' in value && 'text' in value) found.push(value as { icon: string; text: string })
    else Object.values(value).forEach(visit)
  }
  visit(MY_FUTURE_TEXT)
  return found
}

test('my future ideas pass the checks', () => {
  const ideas = myFutureIdeas()

  assert.ok(ideas.length >= 15, `only ${ideas.length} ideas`)
  for (const idea of ideas) {
    assert.deepEqual(checkEasyReadIdea(idea), [], idea.sentences.join(' '))
    assert.ok(isIconId(idea.icon), `no picture named ${idea.icon}`)
    for (const sentence of idea.sentences) {
      const words = sentence.split(/\s+/).filter((word) => word !== '')
      assert.ok(words.length <= 15, `${words.length} words: ${sentence}`)
      assert.match(sentence, /[.?]$/, sentence)
      assert.doesNotMatch(sentence, /\b(EHCP|SEND|SEN|NEET|PfA|FE|LA|UPN)\b/, sentence)
    }
  }
})

test('my future headings have pictures', () => {
  for (const heading of headings()) {
    assert.ok(isIconId(heading.icon), `no picture named ${heading.icon}`)
    assert.ok(heading.text.split(' ').length <= 15, heading.text)
  }
})

test('fillSentence replaces known keys', () => {
  assert.equal(fillSentence('{who} will do this.', { who: 'Mr Cole' }), 'Mr Cole will do this.')
  assert.equal(fillSentence('By {date}.', {}), 'By {date}.')
})
