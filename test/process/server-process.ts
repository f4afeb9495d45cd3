import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'

// Runs the real server as a separate operating-system process, for tests of what happens between
// processes: several web processes on one database, and a process killed mid-write.

export interface ServerProcess {
  /** The address to send requests to, on 127.0.0.1. */
  baseUrl: string
  child: ChildProcess
  /** Everything the process printed so far, standard output and error together. */
  output(): string
  /** Sends SIGKILL and waits for the process to end, as a power cut or an out-of-memory kill would. */
  kill(): Promise<void>
  /** Sends SIGTERM and waits for the process to end. */
  stop(): Promise<void>
}

export interface ServerProcessOptions {
  databaseUrl: string
  /** More environment variables for the process. */
  env?: Record<string, string>
  /** Milliseconds to wait for the server to say it is listening. */
  startTimeoutMs?: number
}

/** The cookie secret every test process shares, as the processes behind one load balancer would. */
export const PROCESS_COOKIE_SECRET = 'process-test-cookie-secret-shared-by-all'

/** Starts `src/server.ts` on a free port of 127.0.0.1 and waits until it is listening. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      COOKIE_SECRET: PROCESS_COOKIE_SECRET,
      DATABASE_URL: options.databaseUrl,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let printed = ''
  child.stdout.setEncoding('utf8').on('data', (text: string) => (printed += text))
  child.stderr.setEncoding('utf8').on('data', (text: string) => (printed += text))
  const ended = once(child, 'exit')

  const port = await waitForPort(child, () => printed, options.startTimeoutMs ?? 30_000)
  const waitForEnd = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill(signal)
    await ended
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    output: () => printed,
    kill: () => waitForEnd('SIGKILL'),
    stop: () => waitForEnd('SIGTERM'),
  }
}

async function waitForPort(
  child: ChildProcess,
  printed: () => string,
  timeoutMs: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const match = /is running at http:\/\/[^:]+:(\d+)/.exec(printed())
    if (match) return Number(match[1])
    if (child.exitCode !== null) {
      throw new Error(`The server process ended with code ${child.exitCode}:\n${printed()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  child.kill('SIGKILL')
  throw new Error(`The server process did not start within ${timeoutMs} ms:\n${printed()}`)
}
