// Links from a page to a glossary entry. A link to an id the glossary lacks throws while the page
// renders, so a mistyped id fails the route tests in place of sending a reader to a missing entry.
import nunjucks from 'nunjucks'

import { findGlossaryTerm } from '../domain/glossary.js'

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
}

/** Returns the address of a glossary entry, or throws when no entry has the id. */
export function glossaryHref(id: string): string {
  if (!findGlossaryTerm(id)) {
    throw new Error(
      `No glossary entry has the id "${id}". Use an id from src/domain/glossary-terms.ts.`,
    )
  }
  return `/glossary#${id}`
}

/** Returns the HTML of a link to a glossary entry, with the text escaped. */
export function glossaryLinkHtml(id: string, text: string): string {
  return `<a class="govuk-link" href="${glossaryHref(id)}">${escapeHtml(String(text))}</a>`
}

/**
 * Returns the link as markup that Nunjucks autoescape leaves alone. Templates call it as the global
 * `glossaryLink(id, text)`.
 */
export function glossaryLink(id: string, text: string): nunjucks.runtime.SafeString {
  return new nunjucks.runtime.SafeString(glossaryLinkHtml(id, text))
}
