import { execFile } from 'node:child_process'
import { describe, test } from 'node:test'
import { promisify } from 'node:util'

import type { DialectName } from '../src/db/connection.js'
import { postgresSkippedHere, testEngines } from '../src/db/test-database.js'

const run = promisify(execFile)

export interface CommandResult {
  stdout: string
  stderr: string
  code: number
}

/** Runs a program and returns its output and exit code, whether or not it failed. */
export async function runCaptured(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(file, args, { env })
    return { stdout, stderr, code: 0 }
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number }
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code }
  }
}

/** Runs `send-careers ARGS` against DATABASE_URL `url`, returning its output and exit code. */
export async function sendCareers(
  url: string,
  args: string[],
  extraEnvironment: Record<string, string> = {},
): Promise<CommandResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, NODE_ENV: 'test' }
  delete env.SEND_CAREERS_USER
  Object.assign(env, extraEnvironment)
  return runCaptured(process.execPath, ['bin/send-careers.js', ...args], env)
}

const POSTGRES_SKIP =
  'PostgreSQL skipped: set TEST_DATABASE_URL, for example ' +
  'postgres://postgres@127.0.0.1:5432/test, to run this suite on PostgreSQL too'

/**
 * Declares the suite once for each test engine: the engine of this pass in `npm test`, or SQLite
 * and PostgreSQL for a file run alone, where PostgreSQL is skipped without a server.
 */
export function describeEachEngine(name: string, fn: (engine: DialectName) => void): void {
  if (postgresSkippedHere()) test(`${name} (postgres)`, { skip: POSTGRES_SKIP }, () => {})
  for (const engine of testEngines()) describe(`${name} (${engine})`, () => fn(engine))
}
