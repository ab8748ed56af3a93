/**
 * A list's sort as it lives in the page URL and the list API's query string:
 * `sort=last_name` (ascending) or `sort=-scheduled_date` (a leading minus:
 * descending). Absent means the CRM's own order, newest first. Plain code, no
 * schema: the tables, the URL state and the API's zod schemas all use it.
 */
export type SortDirection = "asc" | "desc";

export interface ListSort<Key extends string = string> {
  key: Key;
  direction: SortDirection;
}

export type SortCheck<Key extends string> = { ok: true; sort: ListSort<Key> | null } | { ok: false; message: string };

/** What a 400 and the screen say when a sort is not offered: the keys allowed, and how to reverse them. */
export function sortNotOffered(value: string, keys: readonly string[]): string {
  return `Sorting by “${value}” isn't offered. Sort by one of: ${keys.join(", ")} (a leading “-” sorts descending).`;
}

export function parseSort<Key extends string>(value: string | null | undefined, keys: readonly Key[]): SortCheck<Key> {
  const given = (value ?? "").trim();
  if (given === "") return { ok: true, sort: null };
  const descending = given.startsWith("-");
  const name = descending ? given.slice(1) : given;
  const key = keys.find((known) => known === name);
  if (!key) return { ok: false, message: sortNotOffered(given, keys) };
  return { ok: true, sort: { key, direction: descending ? "desc" : "asc" } };
}

export function sortParam(sort: ListSort | null | undefined): string {
  if (!sort) return "";
  return sort.direction === "desc" ? `-${sort.key}` : sort.key;
}

/** A header button's next sort: ascending, then descending, then back to the CRM's order. */
export function nextSort<Key extends string>(current: ListSort<Key> | null, key: Key): ListSort<Key> | null {
  if (current?.key !== key) return { key, direction: "asc" };
  return current.direction === "asc" ? { key, direction: "desc" } : null;
}
