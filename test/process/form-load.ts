import type { FormClient } from './form-client.js'
import { inputValue } from './form-client.js'

// Runs many clients that add aspirations and actions to career plans through the real forms at
// once, each write with its own text, and records which writes the server acknowledged.

export interface LoadClient {
  client: FormClient
  studentId: number
  /** Starts the text of every write this client makes, so each is unique in the test. */
  label: string
}

/** A write that the server acknowledged with the success redirect. */
export interface AcknowledgedWrite {
  studentId: number
  kind: 'aspiration' | 'action'
  value: string
}

export interface FormLoad {
  /** Resolves once at least `count` writes were acknowledged, and rejects after `timeoutMs`. */
  acknowledgedAtLeast(count: number, timeoutMs?: number): Promise<void>
  /**
   * Resolves when every client has stopped, which each does when a request fails to get any
   * response, as when the server is killed. Rejects when the server responds with a status that
   * is neither success nor a plan version conflict.
   */
  finished: Promise<AcknowledgedWrite[]>
  /** Form posts sent that got no response, because the server stopped while they ran. */
  postsCutOff(): number
}

/** Starts every client's loop of form posts. They run until the server stops responding. */
export function runFormLoad(clients: LoadClient[]): FormLoad {
  const acknowledged: AcknowledgedWrite[] = []
  const waiters: { count: number; resolve: () => void }[] = []
  const acknowledge = (write: AcknowledgedWrite) => {
    acknowledged.push(write)
    for (const waiter of waiters) if (acknowledged.length >= waiter.count) waiter.resolve()
  }

  const endings = clients.map((load) => postUntilNoResponse(load, acknowledge))
  let postsCutOff = 0
  const loops = endings.map(async (ending) => {
    if ((await ending) === 'post') postsCutOff++
  })
  const finished = Promise.all(loops).then(() => acknowledged)
  // A rejected loop also ends every wait, so a failing server is reported, not waited out.
  const failed = finished.then(() => new Promise<never>(() => {}))

  return {
    finished,
    postsCutOff: () => postsCutOff,
    acknowledgedAtLeast: (count, timeoutMs = 60_000) => {
      const reached = new Promise<void>((resolve, reject) => {
        if (acknowledged.length >= count) return resolve()
        waiters.push({ count, resolve })
        setTimeout(() => {
          reject(new Error(`Only ${acknowledged.length} of ${count} writes in ${timeoutMs} ms`))
        }, timeoutMs).unref()
      })
      return Promise.race([reached, failed])
    },
  }
}

/** Posts forms until a request gets no response, and returns which request that was. */
async function postUntilNoResponse(
  { client, studentId, label }: LoadClient,
  acknowledge: (write: AcknowledgedWrite) => void,
): Promise<'get' | 'post'> {
  for (let attempt = 1; ; attempt++) {
    const kind = attempt % 2 === 1 ? 'aspiration' : 'action'
    const value = `${label} ${kind} ${attempt}`
    const path = `/students/${studentId}/plan/${kind}s`
    let status: number
    let request: 'get' | 'post' = 'get'
    try {
      const form = await client.get(`${path}/new`)
      if (form.status !== 200) throw new Error(`GET ${path}/new gave ${form.status}`)
      const fields = {
        _csrf: inputValue(form.body, '_csrf'),
        version: inputValue(form.body, 'version'),
        ...(kind === 'aspiration' ? aspirationFields(value) : actionFields(value)),
      }
      request = 'post'
      status = (await client.post(path, fields)).status
    } catch (error) {
      if (isNoResponse(error)) return request
      throw error
    }

    // 409 means another client's write to the same plan won the race, so this client tries again.
    if (status === 303) acknowledge({ studentId, kind, value })
    else if (status !== 409) throw new Error(`POST ${path} gave ${status}`)
  }
}

function aspirationFields(words: string): Record<string, string> {
  return {
    words,
    'gathered-how': 'own_words',
    'recorded-on-day': '1',
    'recorded-on-month': '9',
    'recorded-on-year': '2026',
  }
}

function actionFields(what: string): Record<string, string> {
  return {
    what,
    who: 'Careers leader',
    status: 'not_started',
    'due-on-day': '',
    'due-on-month': '',
    'due-on-year': '',
  }
}

/** True for fetch's failure when the connection is refused or closed before a response. */
function isNoResponse(error: unknown): boolean {
  return error instanceof TypeError && error.message === 'fetch failed'
}
