/**
 * A process that counts CRM requests and is then stopped, for
 * tests/crm/usage-meter-stop.test.ts. It counts 7 at once. With
 * --exit-like-next it also handles the signal the way `next start` does:
 * counts 5 more (the last requests) and calls process.exit straight away.
 * Run with `node --conditions=react-server --import tsx`.
 */
const { appDatabase } = await import("@/lib/db/app-database.server");
await appDatabase();
const { countCrmRequest } = await import("@/lib/crm/usage-meter.server");

if (process.argv.includes("--exit-like-next")) {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    // Registered first, as Next's own handler is: it runs before the meter's.
    process.prependListener(signal, () => {
      countCrmRequest(new Date(), 5);
      setImmediate(() => process.exit(143));
    });
  }
}
countCrmRequest(new Date(), 7);
process.stdout.write("counted\n");
setInterval(() => undefined, 60_000);

export {};
