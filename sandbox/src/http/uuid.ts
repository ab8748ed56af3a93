// Any hex UUID shape Postgres accepts in canonical form; the version nibble is
// not checked because the API promises UUIDs, not a particular version.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
