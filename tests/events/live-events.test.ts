import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute, configureInMemoryApp, signedInUser, type SignedIn } from "@/tests/support/app-accounts";

/**
 * The live events (ADR-022): the log, resuming after an id, pruning, the
 * stream /api/events sends, and the hook that publishes every accepted
 * dashboard write. On PGlite, and on Postgres in npm test's second pass
 * (where the bus also LISTENs; see live-bus-postgres.test.ts).
 */
configureInMemoryApp({ MIRROR_SYNC: "off" });

let viewer: SignedIn;
beforeAll(async () => {
  viewer = await signedInUser("viewer");
}, 120_000);

afterAll(async () => {
  const { stopLiveBus } = await import("@/lib/events/live-bus.server");
  await stopLiveBus();
});

const change = (recordId: string, fields: string[] = ["status"]) => ({
  kind: "job" as const,
  recordId,
  action: "update",
  fields,
  actor: { id: "user-1", name: "Dana Dispatcher" },
  source: "dashboard" as const,
});

/** Reads an SSE body until `done` says the text so far is enough. */
async function readUntil(
  body: ReadableStream<Uint8Array>,
  done: (text: string) => boolean,
  ms = 5_000,
): Promise<{ text: string; reader: ReadableStreamDefaultReader<Uint8Array> }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const end = Date.now() + ms;
  while (!done(text)) {
    if (Date.now() > end) throw new Error(`timed out; read so far:\n${text}`);
    const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), 100))]);
    if (chunk?.done) break;
    if (chunk?.value) text += decoder.decode(chunk.value, { stream: true });
  }
  return { text, reader };
}

const until = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe("the live events' log", () => {
  it("keeps changes in order and answers what came after an id", async () => {
    const { appendLiveChange, liveChangesAfter } = await import("@/lib/events/live-log.server");
    const first = await appendLiveChange(change("job-a"));
    const second = await appendLiveChange(change("job-b", ["title"]));
    expect(BigInt(second.id)).toBeGreaterThan(BigInt(first.id));
    expect(second).toMatchObject({
      kind: "job",
      recordId: "job-b",
      action: "update",
      fields: ["title"],
      actor: { id: "user-1", name: "Dana Dispatcher" },
      source: "dashboard",
    });
    const after = await liveChangesAfter(first.id);
    expect(after.map((entry) => entry.recordId)).toEqual(["job-b"]);
  });

  it("resumes after a kept id, and says reset for an id it no longer keeps or never gave", async () => {
    const { appendLiveChange, resumeAfter, pruneLiveChanges } = await import("@/lib/events/live-log.server");
    const { appDatabase } = await import("@/lib/db/app-database.server");
    const { db } = await appDatabase();
    const before = await appendLiveChange(change("job-c"));
    const missed = await appendLiveChange(change("job-d"));
    expect(await resumeAfter(before.id)).toEqual({ kind: "replay", changes: [missed] });
    expect(await resumeAfter(missed.id)).toEqual({ kind: "replay", changes: [] });
    expect(await resumeAfter(String(BigInt(missed.id) + 1000n))).toEqual({ kind: "reset" });

    // Everything up to `before` is older than the retention: pruned, so a tab that last heard of one of them must refetch.
    await db
      .updateTable("live_events")
      .set({ occurred_at: new Date(Date.now() - 25 * 3600 * 1000) })
      .where("id", "<=", before.id)
      .execute();
    const pruned = await pruneLiveChanges();
    expect(pruned).toBeGreaterThanOrEqual(1);
    expect(await resumeAfter(String(BigInt(before.id) - 1n))).toEqual({ kind: "reset" });
    // The last pruned id is still a good place to resume from: nothing after it is gone.
    expect(await resumeAfter(before.id)).toEqual({ kind: "replay", changes: [missed] });

    // An empty log: only the very last id given means "nothing missed".
    await pruneLiveChanges(new Date(Date.now() + 48 * 3600 * 1000));
    expect(await resumeAfter(missed.id)).toEqual({ kind: "replay", changes: [] });
    expect(await resumeAfter(before.id)).toEqual({ kind: "reset" });
  });
});

describe("GET /api/events", () => {
  it("answers a request without a session with the 401 envelope", async () => {
    const { GET } = await import("@/app/api/events/route");
    const { status, body } = await callRoute(GET, "/api/events");
    expect(status).toBe(401);
    expect(body).toMatchObject({ success: false, code: "unauthenticated" });
  });

  it("refuses a Last-Event-ID that is not an event id", async () => {
    const { GET } = await import("@/app/api/events/route");
    const { status, body } = await callRoute(GET, "/api/events", { as: viewer, headers: { "Last-Event-ID": "abc" } });
    expect(status).toBe(400);
    expect(body).toMatchObject({ success: false, code: "validation", fields: { last_event_id: "Not an event id." } });
  });

  it("streams to a viewer: retry hint, ready, then each change with its id; let go on abort", async () => {
    const { GET } = await import("@/app/api/events/route");
    const { publishLiveChange, liveListenerCount } = await import("@/lib/events/live-bus.server");
    const listenersBefore = liveListenerCount();
    const abort = new AbortController();
    const response = await GET(new Request(new URL("/api/events", process.env.APP_URL), { headers: viewer.headers, signal: abort.signal }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("cache-control")).toContain("no-transform");
    const started = await readUntil(response.body!, (text) => text.includes("event: ready"));
    expect(started.text).toMatch(/^retry: 3000\n\n/);
    expect(liveListenerCount()).toBe(listenersBefore + 1);

    await publishLiveChange(change("job-live"));
    let text = started.text;
    const decoder = new TextDecoder();
    while (!text.includes("job-live")) text += decoder.decode((await started.reader.read()).value);
    const frame = /event: change\nid: (\d+)\ndata: (.+)\n\n/.exec(text.slice(text.indexOf("event: change")))!;
    expect(JSON.parse(frame[2]!)).toMatchObject({ id: frame[1], recordId: "job-live", actor: { name: "Dana Dispatcher" } });

    abort.abort();
    await until(() => liveListenerCount() === listenersBefore);
    expect((await started.reader.read()).done).toBe(true);
  });

  it("replays what a reconnecting tab missed after its Last-Event-ID, and sends reset when that is no longer kept", async () => {
    const { GET } = await import("@/app/api/events/route");
    const { publishLiveChange } = await import("@/lib/events/live-bus.server");
    const { latestLiveId } = await import("@/lib/events/live-log.server");
    const lastHeard = await latestLiveId();
    await publishLiveChange(change("job-missed-1"));
    await publishLiveChange(change("job-missed-2"));

    const abort = new AbortController();
    const request = (lastId: string) =>
      GET(
        new Request(new URL("/api/events", process.env.APP_URL), {
          headers: { ...Object.fromEntries(viewer.headers), "Last-Event-ID": lastId },
          signal: abort.signal,
        }),
        {
          params: Promise.resolve({}),
        },
      );
    const resumed = await readUntil((await request(lastHeard)).body!, (text) => text.includes("event: ready"));
    expect(resumed.text.indexOf("job-missed-1")).toBeGreaterThan(0);
    expect(resumed.text.indexOf("job-missed-2")).toBeGreaterThan(resumed.text.indexOf("job-missed-1"));
    expect(resumed.text).not.toContain("event: reset");

    const tooOld = await readUntil((await request("999999999")).body!, (text) => text.includes("event: ready"));
    expect(tooOld.text).toContain("event: reset");
    abort.abort();
  });
});

describe("publishing dashboard writes", () => {
  it("records every accepted customer or job write with who made it, and nothing for a refused one", async () => {
    const { auditedWrite } = await import("@/lib/audit/audited-write.server");
    const { latestLiveId, liveChangesAfter } = await import("@/lib/events/live-log.server");
    const { ApiError } = await import("@/lib/api/api-error");
    const from = await latestLiveId();
    const context = {
      user: {
        id: "user-9",
        email: "sam@example.com",
        name: "Sam Scheduler",
        role: "staff" as const,
        sessionId: "s",
        twoFactorEnabled: false,
        pendingStep: null,
      },
      requestId: "r",
    };
    const meta = { cache: "none" as const, upstreamMs: 1, upstreamCalls: 1, replayed: false, fetchedAt: new Date().toISOString() };
    await auditedWrite(
      context,
      { action: "update", resource: "job", resourceId: "job-x", changes: { status: { from: "New", to: "Scheduled" } } },
      async () => ({ data: {}, meta }),
    );
    await auditedWrite(
      context,
      { action: "create", resource: "customer", resourceId: null },
      async () => ({ data: { uuid: "cust-new" }, meta }),
      (data) => data.uuid,
    );
    await expect(
      auditedWrite(context, { action: "update", resource: "job", resourceId: "job-y" }, async () => {
        throw new ApiError(400, "validation", "no");
      }),
    ).rejects.toThrow();
    const published = await liveChangesAfter(from);
    expect(published.map(({ kind, recordId, action, fields, actor, source }) => ({ kind, recordId, action, fields, actor, source }))).toEqual([
      { kind: "job", recordId: "job-x", action: "update", fields: ["status"], actor: { id: "user-9", name: "Sam Scheduler" }, source: "dashboard" },
      { kind: "customer", recordId: "cust-new", action: "create", fields: [], actor: { id: "user-9", name: "Sam Scheduler" }, source: "dashboard" },
    ]);
  });
});

describe("changes the sync found", () => {
  it("are the records the mirror held with another updated_at, and for the change polls those it did not hold", async () => {
    const { changedElsewhere } = await import("@/lib/events/announce-sync-changes.server");
    const before = new Map([
      ["a", "2026-12-07T10:00:00.000Z"],
      ["b", "2026-12-07T10:00:00.000Z"],
    ]);
    const read = new Map([
      ["a", "2026-12-07T10:00:00Z"],
      ["b", "2026-12-07T11:00:00Z"],
      ["c", "2026-12-07T11:00:00Z"],
    ]);
    expect(changedElsewhere(before, read, true)).toEqual(["b", "c"]);
    // A full pass: records the mirror did not hold are not news (a first pass would announce the whole CRM).
    expect(changedElsewhere(before, read, false)).toEqual(["b"]);
  });
});
