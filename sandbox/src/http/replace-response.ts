import type { Context } from "hono";

/**
 * Swaps the response a later middleware or handler already produced.
 * Plain `c.res = next` would merge the old response's headers into the new
 * one (Hono's setter does); clearing first gives exactly the new response.
 */
export function replaceResponse(c: Context, response: Response): void {
  c.res = undefined;
  c.res = response;
}
