// Matching of free text typed into spreadsheets: case, spacing, punctuation and common plurals ignored.

const SINGULAR: Readonly<Record<string, string>> = {
  difficulties: 'difficulty',
  disabilities: 'disability',
  impairments: 'impairment',
  needs: 'need',
  communications: 'communication',
  disorders: 'disorder',
  plans: 'plan',
}

/** Reduces text to a key for comparison: "Speech, Language & Communication Needs" and "speech language and communication need" match. */
export function matchKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => SINGULAR[word] ?? word)
    .join(' ')
}
