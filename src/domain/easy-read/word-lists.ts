// The word lists behind the easy-read checks: acronyms with plain words to use instead, capital
// words that readers know, and the hard words that product text must explain.

/**
 * Acronyms that staff, schools and councils use but students and families may not know, each
 * with plain words to write instead. The check also reports any other word of two or more
 * capital letters, so this list exists for the suggestions and for the mixed-case ones
 * ("PfA", "DfE") that the capital-letter rule cannot catch.
 */
export const BANNED_ACRONYMS: ReadonlyMap<string, string> = new Map([
  ['EHCP', 'a plan from the council that says what help you get'],
  ['EHC', 'a plan from the council that says what help you get'],
  ['SEND', 'extra help with learning'],
  ['SEN', 'extra help with learning'],
  ['SENCO', 'the teacher who plans extra help'],
  ['SENDCo', 'the teacher who plans extra help'],
  ['NEET', 'not in a job, college or training'],
  ['PfA', 'getting ready for adult life'],
  ['FE', 'college'],
  ['HE', 'university'],
  ['LA', 'the council'],
  ['ILR', 'college records'],
  ['UPN', 'your school number'],
  ['ULN', 'your learner number'],
  ['NCCIS', 'records the council keeps'],
  ['CEC', 'careers help for schools'],
  ['DfE', 'the government'],
  ['EET', 'in a job, college or training'],
  ['LLDD', 'a learning difficulty or disability'],
])

/** Words of two or more capital letters that readers know as words, so the check allows them. */
export const ALLOWED_CAPITALS: ReadonlySet<string> = new Set(['OK', 'TV'])

/** A word that a student who reads little may not know, and how product text should explain it. */
export interface HardWord {
  /** Every form the check looks for, in lower case. A form may be two words ("job coach"). */
  forms: readonly string[]
  /** The start of a sentence that explains the word, shown in the check's message. */
  explanationStart: string
}

/**
 * Hard words from the catalogue of career outcomes and from careers planning. Add a word here
 * when product text uses it, and explain it where it first appears.
 */
export const HARD_WORDS: readonly HardWord[] = [
  {
    forms: ['internship', 'internships', 'intern', 'interns'],
    explanationStart: 'An internship is',
  },
  {
    forms: ['apprenticeship', 'apprenticeships', 'apprentice', 'apprentices'],
    explanationStart: 'An apprenticeship is',
  },
  {
    forms: ['traineeship', 'traineeships', 'trainee', 'trainees'],
    explanationStart: 'A traineeship is',
  },
  {
    forms: ['volunteering', 'volunteer', 'volunteers', 'volunteered'],
    explanationStart: 'Volunteering means',
  },
  { forms: ['enterprise', 'enterprises'], explanationStart: 'An enterprise is' },
  { forms: ['self-employed', 'self-employment'], explanationStart: 'Self-employed means' },
  { forms: ['employment'], explanationStart: 'Employment means' },
  {
    forms: ['therapy', 'therapies', 'therapeutic', 'therapist', 'therapists'],
    explanationStart: 'Therapy is',
  },
  { forms: ['job coach', 'job coaches'], explanationStart: 'A job coach is' },
  { forms: ['placement', 'placements'], explanationStart: 'A placement is' },
  { forms: ['qualification', 'qualifications'], explanationStart: 'A qualification is' },
  { forms: ['contract', 'contracts'], explanationStart: 'A contract is' },
  { forms: ['tax', 'taxes'], explanationStart: 'Tax is' },
  { forms: ['respite'], explanationStart: 'Respite is' },
  { forms: ['residential'], explanationStart: 'Residential means' },
  { forms: ['specialist'], explanationStart: 'A specialist college is' },
  { forms: ['vocational'], explanationStart: 'Vocational means' },
  { forms: ['functional skills'], explanationStart: 'Functional skills are' },
  { forms: ['assessment', 'assessments'], explanationStart: 'An assessment is' },
]
