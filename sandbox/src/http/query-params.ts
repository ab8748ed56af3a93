import { badRequest } from "./api-error";
import { isUuid } from "./uuid";

/**
 * Query-string parameters, strictly: CRM-API decision 4 makes anything outside
 * the documented values a 400 that names the parameter, so a client bug
 * (page=0, limit=500) surfaces at once instead of returning surprising data.
 */
export interface PageRequest {
  page: number;
  limit: number;
  offset: number;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;
const DIGITS = /^\d+$/;

export function parsePageRequest(pageText: string | undefined, limitText: string | undefined): PageRequest {
  const page = pageText === undefined ? 1 : Number(pageText);
  if (pageText !== undefined && (!DIGITS.test(pageText) || !Number.isSafeInteger(page) || page < 1)) {
    throw badRequest("page must be a whole number ≥ 1");
  }
  const limit = limitText === undefined ? DEFAULT_LIMIT : Number(limitText);
  if (limitText !== undefined && (!DIGITS.test(limitText) || limit < 1 || limit > MAX_LIMIT)) {
    throw badRequest(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  return { page, limit, offset: (page - 1) * limit };
}

export function paginationOf(request: PageRequest, total: number) {
  return { page: request.page, limit: request.limit, total, total_pages: Math.ceil(total / request.limit) };
}

export function parseBooleanParam(name: string, text: string | undefined, fallback: boolean): boolean {
  if (text === undefined) return fallback;
  if (text === "true") return true;
  if (text === "false") return false;
  throw badRequest(`${name} must be true or false`);
}

export function parseEnumParam<const T extends readonly string[]>(name: string, text: string | undefined, values: T): T[number] | undefined {
  if (text === undefined) return undefined;
  if ((values as readonly string[]).includes(text)) return text as T[number];
  throw badRequest(`${name} must be one of ${values.map((value) => `'${value}'`).join(", ")}`);
}

/** A comma-separated list of exact enum values; spaces around commas are ignored. */
export function parseEnumListParam<const T extends readonly string[]>(name: string, text: string | undefined, values: T): Array<T[number]> | undefined {
  if (text === undefined) return undefined;
  const items = text.split(",").map((item) => item.trim());
  for (const item of items) {
    if (!(values as readonly string[]).includes(item)) {
      throw badRequest(`${name} contains '${item}', which is not one of ${values.map((value) => `'${value}'`).join(", ")}`);
    }
  }
  return [...new Set(items)] as Array<T[number]>;
}

export function parseUuidParam(name: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!isUuid(text)) throw badRequest(`${name} must be a UUID`);
  return text.toLowerCase();
}

const MAX_SEARCH_LENGTH = 200;
// Control characters cannot be typed into a search box; U+001F is the field
// separator of the search_text column and NUL cannot reach Postgres at all.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** The trimmed search term, or undefined when there is nothing to search for. */
export function parseSearchParam(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const term = text.replace(CONTROL_CHARACTERS, "").trim();
  if (term.length > MAX_SEARCH_LENGTH) throw badRequest(`search must be at most ${MAX_SEARCH_LENGTH} characters`);
  return term === "" ? undefined : term;
}

/** The path's {uuid}, or a 400 naming the resource. */
export function parsePathUuid(resource: string, text: string): string {
  if (!isUuid(text)) throw badRequest(`Invalid ${resource} UUID`);
  return text.toLowerCase();
}
