import { afterAll, describe, expect, it } from "vitest";
import type { LiveChange } from "@/lib/events/live-event-types";

/**
 * The live bus between instances on one Postgres (ADR-022): a change one
 * instance publishes is announced on its channel; another instance's change,
 * heard there, reaches this one's streams; and after the LISTEN connection is
 * lost, what was written meanwhile is read from the log, each change once.
 * The "other instance" is a plain connection doing what its bus does.
 */
process.env.LOG_LEVEL = "silent";
process.env.APP_DATA_DIR = "memory";
const postgresUrl = process.env.TEST_POSTGRES_URL;
const until = async (check: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe.runIf(postgresUrl)("live changes between instances", () => {
  afterAll(async () => {
    const { stopLiveBus } = await import("@/lib/events/live-bus.server");
    await stopLiveBus();
  });

  it("announces, hears the other instance, and replays what it missed while disconnected", async () => {
    const url = process.env.DATABASE_URL!;
    const { publishLiveChange, subscribeLive, LIVE_CHANNEL } = await import("@/lib/events/live-bus.server");
    const { appendLiveChange } = await import("@/lib/events/live-log.server");
    const { default: pg } = await import("pg");
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    const announced: Array<{ from: string; change: LiveChange }> = [];
    other.on("notification", (message) => announced.push(JSON.parse(message.payload!) as { from: string; change: LiveChange }));
    await other.query(`listen ${LIVE_CHANNEL}`);

    const heard: LiveChange[] = [];
    const unsubscribe = subscribeLive((change) => heard.push(change));
    // This file's database only: other files run at the same time on the same server, each with a database and a bus of its own.
    const listening = async () =>
      (
        await other.query(
          `select count(*)::int as n from pg_stat_activity where datname = current_database() and query = 'listen ${LIVE_CHANNEL}' and pid <> pg_backend_pid()`,
        )
      ).rows[0].n as number;
    const waitForListener = async () => {
      const end = Date.now() + 10_000;
      while ((await listening()) < 1) {
        if (Date.now() > end) throw new Error("the bus never listened");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await waitForListener();

    const base = { kind: "job" as const, action: "update", fields: ["status"], actor: { id: "u1", name: "Ana" }, source: "dashboard" as const };
    await publishLiveChange({ ...base, recordId: "job-here" });
    await until(() => announced.length === 1);
    expect(announced[0]!.change).toMatchObject({ recordId: "job-here", actor: { name: "Ana" } });
    // Handed to this instance's streams at once, and not a second time when its own NOTIFY comes back.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard.map((change) => change.recordId)).toEqual(["job-here"]);

    // Another instance's change: in the log, then announced.
    const theirs = await appendLiveChange({ ...base, recordId: "job-there" });
    await other.query("select pg_notify($1, $2)", [LIVE_CHANNEL, JSON.stringify({ from: "another-instance", change: theirs })]);
    await until(() => heard.length === 2);
    expect(heard[1]!.recordId).toBe("job-there");

    // The LISTEN connection drops; another instance writes meanwhile (its NOTIFY is lost here).
    await other.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query = 'listen ${LIVE_CHANNEL}' and pid <> pg_backend_pid()`,
    );
    const missed = await appendLiveChange({ ...base, recordId: "job-while-away" });
    await until(() => heard.some((change) => change.id === missed.id));
    expect(heard.filter((change) => change.id === missed.id)).toHaveLength(1);
    unsubscribe();
    await other.end();
  }, 60_000);
});
