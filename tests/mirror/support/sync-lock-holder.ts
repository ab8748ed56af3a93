/**
 * Another dashboard instance in the middle of a sync pass, for
 * tests/mirror/sync-lock-takeover.test.ts: it takes the mirror's sync lock
 * (on DATABASE_URL), says so, and holds it until it is killed.
 * Run with `node --conditions=react-server --import tsx`.
 */
const { withSyncLock } = await import("@/lib/mirror/sync-lock.server");
const scope = process.argv[2] ?? "takeover-test";
const result = await withSyncLock(scope, async () => {
  process.stdout.write("holding\n");
  await new Promise(() => undefined); // a pass that never finishes: only death ends it
});
process.stdout.write(result.acquired ? "finished\n" : "not acquired\n");

export {};
