import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface CliRunner {
  /** Runs `send-careers ARGS --format json` and parses what it prints. */
  json(args: string[]): Promise<unknown>
  /** Runs `send-careers ARGS` and returns its output and exit code, whether or not it failed. */
  text(args: string[]): Promise<{ stdout: string; stderr: string; code: number }>
  /** Runs a shell command line with this runner's database, for pipes. */
  shell(command: string): Promise<{ stdout: string; stderr: string; code: number }>
  databaseFile: string
  cleanUp(): void
}

/** Creates a command-line runner with its own fresh SQLite file, as a new user would have. */
export function createCliRunner(): CliRunner {
  const folder = mkdtempSync(join(tmpdir(), 'send-careers-cli-'))
  const databaseFile = join(folder, 'cli.db')
  const env = { ...process.env, DATABASE_URL: `sqlite:${databaseFile}`, NODE_ENV: 'test' }

  async function text(args: string[]) {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/send-careers.js', ...args], {
        env,
      })
      return { stdout, stderr, code: 0 }
    } catch (error) {
      const failed = error as { stdout: string; stderr: string; code: number }
      return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code }
    }
  }

  async function json(args: string[]) {
    const result = await text([...args, '--format', 'json'])
    if (result.code !== 0)
      throw new Error(`send-careers ${args.join(' ')} exited ${result.code}: ${result.stderr}`)
    return JSON.parse(result.stdout) as unknown
  }

  async function shell(command: string) {
    try {
      const { stdout, stderr } = await run('/bin/sh', ['-c', command], { env })
      return { stdout, stderr, code: 0 }
    } catch (error) {
      const failed = error as { stdout: string; stderr: string; code: number }
      return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code }
    }
  }

  const cleanUp = () => rmSync(folder, { recursive: true, force: true })
  return { json, text, shell, databaseFile, cleanUp }
}
