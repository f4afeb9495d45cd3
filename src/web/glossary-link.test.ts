import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'

import { findGlossaryTerm } from '../domain/glossary.js'
import { glossaryHref, glossaryLink, glossaryLinkHtml } from './glossary-link.js'

// Ways a file can name a glossary entry: the template global or its HTML twin with a literal id,
// or a plain link to the page.
const LINK_PATTERNS = [
  /glossary(?:Link|Href|LinkHtml)\(\s*["']([^"']+)["']/g,
  /\/glossary#([a-z0-9-]+)/g,
]

function sourceFiles(): string[] {
  return readdirSync('src', { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(njk|ts)$/.test(entry.name))
    .filter((entry) => !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
}

function linkedIds(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return LINK_PATTERNS.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((match) => match[1]),
  ).filter((id): id is string => id !== undefined)
}

describe('glossary links', () => {
  it('every linked id has an entry', () => {
    const links = sourceFiles().flatMap((file) => linkedIds(file).map((id) => ({ file, id })))
    const missing = links.filter((link) => !findGlossaryTerm(link.id))

    assert.ok(links.length >= 10, `only ${links.length} glossary links were found`)
    assert.deepEqual(missing, [])
  })

  it('links an entry by its id', () => {
    assert.equal(glossaryHref('ehc-plan'), '/glossary#ehc-plan')
    assert.equal(
      glossaryLinkHtml('ehc-plan', 'EHC plan'),
      '<a class="govuk-link" href="/glossary#ehc-plan">EHC plan</a>',
    )
  })

  it('escapes the link text', () => {
    assert.equal(
      glossaryLink('upn', '<b>UPN</b> & "ULN"').toString(),
      '<a class="govuk-link" href="/glossary#upn">&lt;b&gt;UPN&lt;/b&gt; &amp; &quot;ULN&quot;</a>',
    )
  })

  it('rejects an id with no entry', () => {
    assert.throws(() => glossaryHref('ehcp'), /No glossary entry has the id "ehcp"/)
    assert.throws(() => glossaryLinkHtml('', 'text'), /No glossary entry/)
  })
})
