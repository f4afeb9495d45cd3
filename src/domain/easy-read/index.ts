// Easy-read text for students and families, the pictures beside it, and the checks it must pass.
export * from './types.js'
export * from './icons.js'
export * from './outcomes.js'
export * from './check.js'
export * from './my-future-text.js'
