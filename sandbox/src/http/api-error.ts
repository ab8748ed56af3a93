import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * An expected failure with the status and message the client should see.
 * Thrown anywhere in a request; the app's error handler turns it into the
 * `{ success: false, error }` envelope.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const badRequest = (message: string) => new ApiError(400, message);
export const notFound = (message: string) => new ApiError(404, message);
