/** An error a route raises on purpose. The error handler turns it into a page with this status. */
export class HttpError extends Error {
  override name = 'HttpError'

  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export class NotFoundError extends HttpError {
  override name = 'NotFoundError'

  constructor(message = 'Page not found') {
    super(404, 'NOT_FOUND', message)
  }
}

export class BadRequestError extends HttpError {
  override name = 'BadRequestError'

  constructor(message: string) {
    super(400, 'BAD_REQUEST', message)
  }
}
