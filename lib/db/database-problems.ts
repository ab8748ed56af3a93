/**
 * What went wrong with the app database, in one plain line for the person
 * starting the dashboard, and whether a failing query means "the database is
 * not answering right now" (a 503 that recovers by itself) rather than a bug.
 * Works from the error's code (Postgres SQLSTATE or Node's socket errors), so
 * it holds for pg and PGlite alike.
 */

/** Thrown at start-up when the database holds migrations this build does not know. */
export class NewerSchemaError extends Error {
  override readonly name = "NewerSchemaError";
  constructor(readonly unknownMigrations: readonly string[]) {
    super(
      `The app database has a newer schema than this version of the dashboard (migrations ${unknownMigrations.join(", ")}): run the newer version, or restore a backup.`,
    );
  }
}

const codeOf = (error: unknown): string | undefined => {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
};

/** The server's address in DATABASE_URL, without the password. */
function where(databaseUrl: string | undefined): string {
  if (!databaseUrl) return "the embedded database";
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
  } catch {
    return "DATABASE_URL";
  }
}

/** One line saying why the dashboard cannot start on this database, or null when the error is not about the database. */
export function describeStartupFailure(error: unknown, databaseUrl: string | undefined): string | null {
  const at = where(databaseUrl);
  if (error instanceof NewerSchemaError) return `Tradesdesk cannot start: ${error.message}`;
  const code = codeOf(error);
  const user = (() => {
    try {
      return databaseUrl ? decodeURIComponent(new URL(databaseUrl).username) || "(none)" : "";
    } catch {
      return "";
    }
  })();
  switch (code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
      return `Tradesdesk cannot start: no Postgres answered at ${at} (DATABASE_URL): ${code}.`;
    case "28P01":
    case "28000":
      return `Tradesdesk cannot start: Postgres at ${at} refused the user "${user}" and password in DATABASE_URL.`;
    case "3D000":
      return `Tradesdesk cannot start: the database in DATABASE_URL does not exist on the server at ${at}; create it first.`;
    case "42501":
      return `Tradesdesk cannot start: the user "${user}" in DATABASE_URL may not create the dashboard's tables at ${at}.`;
    default:
      return null;
  }
}

/**
 * Codes of a database that is restarting, shutting down or unreachable: the
 * request cannot be served now, and the pool reconnects once it is back.
 * 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now,
 * class 08 connection exceptions.
 */
const UNAVAILABLE = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "57P01", "57P02", "57P03"]);

export function isDatabaseUnavailable(error: unknown): boolean {
  const code = codeOf(error);
  if (code && (UNAVAILABLE.has(code) || code.startsWith("08"))) return true;
  // node-postgres reports a connection that ended under a query without a code.
  const message = error instanceof Error ? error.message : "";
  return /Connection terminated|terminating connection|the database system is (starting up|shutting down)/i.test(message);
}
