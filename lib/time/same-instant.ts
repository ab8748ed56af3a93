/**
 * Whether two ISO 8601 timestamps are the same moment. The CRM may write
 * `2024-01-15T10:30:00Z` where a client kept `2024-01-15T10:30:00.000Z`.
 */
export function sameInstant(a: string, b: string): boolean {
  const left = Date.parse(a);
  const right = Date.parse(b);
  return !Number.isNaN(left) && left === right;
}
