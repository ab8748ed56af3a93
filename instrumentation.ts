/**
 * Runs once when the dashboard's server starts: migrate the database and make
 * sure there is a first admin, before any request is served; then start the
 * CRM mirror's sync.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { refuseInsecureDeployment } = await import("@/lib/security/refuse-insecure-deployment.server");
  refuseInsecureDeployment();
  const { stampPeerAddresses } = await import("@/lib/api/peer-address-stamp.server");
  stampPeerAddresses();
  const { appDatabase } = await import("@/lib/db/app-database.server");
  const { ensureFirstAdmin } = await import("@/lib/auth/first-admin.server");
  try {
    await appDatabase();
  } catch (error) {
    // A database that cannot be used is said in one line, and the server does not start half-working.
    const { describeStartupFailure } = await import("@/lib/db/database-problems");
    const line = describeStartupFailure(error, process.env.DATABASE_URL || undefined);
    if (!line) throw error;
    console.error(line);
    process.exit(1);
  }
  await ensureFirstAdmin();
  // Several instances on one Postgres: a write through another drops this one's cached reads too.
  const { listenForInvalidations } = await import("@/lib/crm/cache-invalidation.server");
  const { dropCachedReads } = await import("@/lib/crm/crm-request.server");
  await listenForInvalidations(process.env.DATABASE_URL || undefined, dropCachedReads);
  // The CRM mirror's sync runs in the background of the server (ADR-014).
  const { startMirrorSync } = await import("@/lib/mirror/sync-start.server");
  startMirrorSync();
}
