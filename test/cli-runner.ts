import { sql } from 'kysely'

import { openDatabase } from '../src/db/connection.js'
import type { Database } from '../src/db/connection.js'
import { createTestDatabaseUrl } from '../src/db/test-database.js'
import { runCaptured, type CommandResult } from './operations-runner.js'

export interface CliRunner {
  /** Runs `send-careers ARGS --format json` and parses what it prints. */
  json(args: string[]): Promise<unknown>
  /** Runs `send-careers ARGS` and returns its output and exit code, whether or not it failed. */
  text(args: string[]): Promise<CommandResult>
  /** Runs a shell command line with this runner's database, for pipes. */
  shell(command: string): Promise<CommandResult>
  /** The DATABASE_URL the commands use. */
  databaseUrl: string
  /** Opens the runner's database, for tests that seed or read rows. The caller closes it. */
  open(): Database
  /** Runs one SQL query on the runner's database and returns its rows. */
  rows<T>(query: string): Promise<T[]>
  /** Counts the rows of one table. */
  count(table: string): Promise<number>
  cleanUp(): Promise<void>
}

/**
 * Creates a command-line runner with its own fresh database on the test engine (a SQLite file, or
 * a PostgreSQL database in the PostgreSQL pass), as a new user would have.
 */
export async function createCliRunner(): Promise<CliRunner> {
  const database = await createTestDatabaseUrl()
  const env = { ...process.env, DATABASE_URL: database.url, NODE_ENV: 'test' }

  const text = (args: string[]) =>
    runCaptured(process.execPath, ['bin/send-careers.js', ...args], env)

  async function json(args: string[]) {
    const result = await text([...args, '--format', 'json'])
    if (result.code !== 0)
      throw new Error(`send-careers ${args.join(' ')} exited ${result.code}: ${result.stderr}`)
    return JSON.parse(result.stdout) as unknown
  }

  const shell = (command: string) => runCaptured('/bin/sh', ['-c', command], env)

  const open = () => openDatabase(database.url)

  async function rows<T>(query: string): Promise<T[]> {
    const opened = open()
    try {
      return (await sql.raw<T>(query).execute(opened.db)).rows
    } finally {
      await opened.close()
    }
  }

  async function count(table: string): Promise<number> {
    const [row] = await rows<{ count: number | string }>(`select count(*) as count from ${table}`)
    return Number(row?.count)
  }

  return { json, text, shell, databaseUrl: database.url, open, rows, count, cleanUp: database.drop }
}
