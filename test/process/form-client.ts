// An HTTP client for tests against a server process. It keeps cookies between requests, as a
// browser does, and returns redirects without following them.

export interface PageResponse {
  status: number
  location: string | null
  body: string
}

export class FormClient {
  private readonly cookies = new Map<string, string>()

  /** `cookie` is a Cookie header to send with every request, such as a session cookie. */
  constructor(
    readonly baseUrl: string,
    cookie = '',
  ) {
    this.remember(cookie.split(';'))
  }

  async get(path: string): Promise<PageResponse> {
    return this.send(path, { method: 'GET' })
  }

  /** Posts urlencoded fields, or multipart fields and files when `fields` is a FormData. */
  async post(path: string, fields: Record<string, string> | FormData): Promise<PageResponse> {
    const body = fields instanceof FormData ? fields : new URLSearchParams(fields)
    return this.send(path, { method: 'POST', body })
  }

  private async send(path: string, init: RequestInit): Promise<PageResponse> {
    const headers = { cookie: this.cookieHeader() }
    const response = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      headers,
      redirect: 'manual',
    })
    this.remember(response.headers.getSetCookie().map((cookie) => cookie.split(';')[0] ?? ''))
    const body = await response.text()
    return { status: response.status, location: response.headers.get('location'), body }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  private remember(pairs: string[]) {
    for (const pair of pairs) {
      const split = pair.indexOf('=')
      if (split > 0) this.cookies.set(pair.slice(0, split).trim(), pair.slice(split + 1).trim())
    }
  }
}

/** Reads the value of a hidden or text input named `name` from a page. */
export function inputValue(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)
  if (match?.[1] === undefined) throw new Error(`The page has no input named "${name}"`)
  return match[1]
}
