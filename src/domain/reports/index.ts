// Cohort reports: pure rules for leaver destinations, breakdowns, suppression and comparison.
export * from './suppression.js'
export * from './leaver-outcome.js'
export * from './cohort-report.js'
export * from './current-students.js'
export * from './report.js'
export * from './national-comparison.js'
export * from './shares.js'
