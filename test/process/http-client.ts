// A small HTTP client for tests against server processes: one cookie jar shared by every server
// it talks to, as a browser behind one load balancer would have, and no automatic redirects.

export interface PageResponse {
  status: number
  /** The Location header, or null. */
  location: string | null
  body: string
}

/** Cookies by name, sent to every server the client talks to. */
export class CookieJar {
  private readonly cookies = new Map<string, string>()

  /** Stores the Set-Cookie headers of a response. A cookie that expires at once is removed. */
  store(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';')
      const separator = pair.indexOf('=')
      const name = pair.slice(0, separator).trim()
      const value = pair.slice(separator + 1).trim()
      if (value === '' || attributes.some(isExpiry)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  /** Copies the jar as it is now, to send an old cookie after the client has dropped it. */
  copy(): CookieJar {
    const jar = new CookieJar()
    for (const [name, value] of this.cookies) jar.cookies.set(name, value)
    return jar
  }
}

function isExpiry(attribute: string): boolean {
  const [name = '', value = ''] = attribute.split('=').map((part) => part.trim())
  if (name.toLowerCase() === 'max-age') return Number(value) <= 0
  if (name.toLowerCase() === 'expires') return Date.parse(value) <= Date.now()
  return false
}

export interface RequestOptions {
  /** Form fields, sent urlencoded, or a FormData sent as multipart/form-data. */
  form?: Record<string, string> | FormData
  headers?: Record<string, string>
}

/** Sends one request with the jar's cookies, stores the cookies it sets, and reads the body. */
export async function request(
  jar: CookieJar,
  method: 'GET' | 'POST',
  url: string,
  options: RequestOptions = {},
): Promise<PageResponse> {
  const headers: Record<string, string> = { ...options.headers, cookie: jar.header() }
  let body: string | FormData | undefined
  if (options.form instanceof FormData) {
    body = options.form
  } else if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(options.form).toString()
  }

  const response = await fetch(url, { method, headers, body, redirect: 'manual' })
  jar.store(response)
  return {
    status: response.status,
    location: response.headers.get('location'),
    body: await response.text(),
  }
}
