/**
 * Tiny helpers for building parameterised SQL. Column names only ever come
 * from the sandbox's own schemas (zod object keys), never from requests;
 * the identifier check makes that assumption fail loudly if it is ever broken.
 */
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function column(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a safe column name: ${name}`);
  return name;
}

/** Collects parameter values and hands out their $n placeholders. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** `insert into table (a, b) values ($1, $2) returning ...` for the defined entries of row. */
export function insertSql(table: string, row: Record<string, unknown>, returning: string): { sql: string; params: unknown[] } {
  const params = new SqlParams();
  const entries = Object.entries(row).filter(([, value]) => value !== undefined);
  const columns = entries.map(([name]) => column(name)).join(", ");
  const placeholders = entries.map(([, value]) => params.add(value)).join(", ");
  return { sql: `insert into ${column(table)} (${columns}) values (${placeholders}) returning ${returning}`, params: params.values };
}

/** `a = $3, b = $4` for the defined entries of values. */
export function assignmentsSql(values: Record<string, unknown>, params: SqlParams): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${column(name)} = ${params.add(value)}`)
    .join(", ");
}

/** Escapes LIKE wildcards so a search term matches literally (backslash is Postgres's default escape). */
export function likeContains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
