// Postgres text cannot hold NUL, and jsonb rejects unpaired UTF-16 surrogates
// (a JSON body can smuggle both in as \u escapes). Catching them up front turns
// what would be a database error (500) into a clear 400.
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(value: string): boolean {
  return !NUL.test(value) && !LONE_SURROGATE.test(value);
}

const MAX_JSON_DEPTH = 32;

/** A JSON value whose strings (keys included) are storable and whose nesting Postgres can parse. */
export function isStorableJson(value: unknown, depth = 0): boolean {
  if (depth > MAX_JSON_DEPTH) return false;
  if (typeof value === "string") return isStorableText(value);
  if (value === null || typeof value === "number" || typeof value === "boolean") return true;
  if (Array.isArray(value)) return value.every((item) => isStorableJson(item, depth + 1));
  if (typeof value === "object") {
    return Object.entries(value).every(([key, item]) => isStorableText(key) && isStorableJson(item, depth + 1));
  }
  return false;
}
