import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import type { StorageState } from "./browser";
import { VIEWPORT } from "./page-weight";
import { summarize, type Summary } from "./stats";

/**
 * Part 7: live updates (ADR-022).
 *
 * 1. Save to screen: two browsers signed in; one has a job's page open, the
 *    other saves a new title for the job through the dashboard's API from its
 *    own page (as its form does). Timed from the moment the save is sent to
 *    the moment the first browser's heading shows the new title (a
 *    MutationObserver in that page stamps it), SAVES times, one after another.
 * 2. Open streams: STREAMS live streams held open for STREAM_SECONDS while a
 *    save every few seconds sends events down all of them; the server's
 *    resident memory sampled every RSS_EVERY_MS, and every stream that ends
 *    early, answers other than 200 or misses an event counted as an error.
 */
export const SAVES = 30;
export const STREAMS = 100;
export const STREAM_SECONDS = 60;
const RSS_EVERY_MS = 5_000;
const SAVE_EVERY_MS = 3_000;
const SCREEN_TIMEOUT_MS = 15_000;

export interface LiveUpdatesResult {
  saves: number;
  /** From the save being sent to the change on the other screen. */
  toScreen: Summary;
  /** From the save being sent to its answer (the CRM write included). */
  saveAnswered: Summary;
  /** Saves whose change did not reach the other screen within SCREEN_TIMEOUT_MS. */
  missed: number;
  streams: {
    count: number;
    seconds: number;
    /** Resident memory of the dashboard's server process, MB, every RSS_EVERY_MS from when all streams were open. */
    rssMb: number[];
    eventsSent: number;
    /** Events each stream received: every stream should have all of them. */
    eventsReceivedMin: number;
    errors: number;
  };
}

interface SandboxAccess {
  apiUrl: string;
  apiKey: string;
}

async function crm<T>(sandbox: SandboxAccess, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${sandbox.apiUrl}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${sandbox.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { data: T }).data;
}

/** The process listening on the port (next start may run its server in a child of the process the bench started). */
function listenerPid(port: number): number {
  const line = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const pid = /pid=(\d+)/.exec(line)?.[1];
  if (!pid) throw new Error(`no process listens on port ${port}`);
  return Number(pid);
}

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return kb ? Number(kb) / 1024 : Number.NaN;
}

/** Saves a job's title from inside a signed-in page, as the edit form does: the page's own fetch, with its cookie and origin. */
async function saveTitle(page: Page, uuid: string, title: string): Promise<{ sentAt: number; answeredAt: number }> {
  return page.evaluate(
    async ({ uuid, title }) => {
      const current = (await (await fetch(`/api/jobs/${uuid}`)).json()) as { data: { updated_at: string } };
      const sentAt = Date.now();
      const response = await fetch(`/api/jobs/${uuid}`, {
        method: "PUT",
        headers: { "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
        body: JSON.stringify({ title, expected_updated_at: current.data.updated_at }),
      });
      if (!response.ok) throw new Error(`the save answered ${response.status}: ${await response.text()}`);
      return { sentAt, answeredAt: Date.now() };
    },
    { uuid, title },
  );
}

/**
 * Resolves with the time (ms since epoch, the machine's clock) at which the page's h1 first shows `title`.
 * The page script is a string: tsx names functions with a helper that exists in Node, not in the page.
 */
function whenHeadingShows(page: Page, title: string): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const title = ${JSON.stringify(title)};
    const heading = () => document.querySelector("h1")?.textContent?.includes(title) ?? false;
    if (heading()) return resolve(Date.now());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error("the heading did not show " + title + " within ${SCREEN_TIMEOUT_MS} ms"));
    }, ${SCREEN_TIMEOUT_MS});
    const observer = new MutationObserver(() => {
      if (!heading()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(Date.now());
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  })`);
}

async function measureSaveToScreen(browser: Browser, appUrl: string, storageState: StorageState, uuid: string, log: (line: string) => void) {
  const watcher = await browser.newContext({ storageState, viewport: VIEWPORT });
  const saver = await browser.newContext({ storageState, viewport: VIEWPORT });
  try {
    const watching = await watcher.newPage();
    await watching.goto(`${appUrl}/jobs/${uuid}`);
    await watching.locator('body[data-live="ready"]').waitFor({ state: "attached", timeout: 60_000 });
    const saving = await saver.newPage();
    await saving.goto(`${appUrl}/lookup`);
    const toScreen: number[] = [];
    const answered: number[] = [];
    let missed = 0;
    for (let save = 1; save <= SAVES; save += 1) {
      const title = `Live bench visit ${save} ${Date.now()}`;
      const shown = whenHeadingShows(watching, title);
      const { sentAt, answeredAt } = await saveTitle(saving, uuid, title);
      answered.push(answeredAt - sentAt);
      try {
        toScreen.push((await shown) - sentAt);
      } catch {
        missed += 1;
      }
      if (save % 10 === 0) log(`  ${save}/${SAVES} saves; last on screen after ${Math.round(toScreen.at(-1) ?? Number.NaN)} ms`);
      await watching.waitForTimeout(300);
    }
    return { toScreen: summarize(toScreen), saveAnswered: summarize(answered), missed };
  } finally {
    await Promise.all([watcher.close(), saver.close()]);
  }
}

/** One live stream read in Node, counting its change events until aborted. */
function openStream(appUrl: string, cookie: string, signal: AbortSignal) {
  const state = { status: 0, ready: false, events: 0, ended: false, error: null as string | null };
  const done = (async () => {
    try {
      const response = await fetch(`${appUrl}/api/events`, { headers: { cookie }, signal });
      state.status = response.status;
      if (response.status !== 200 || !response.body) throw new Error(`answered ${response.status}`);
      const decoder = new TextDecoder();
      let buffer = "";
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.startsWith("event: ready")) state.ready = true;
          if (frame.startsWith("event: change")) state.events += 1;
        }
      }
      if (!signal.aborted) state.error = "the stream ended early";
    } catch (error) {
      if (!signal.aborted) state.error = error instanceof Error ? error.message : String(error);
    } finally {
      state.ended = true;
    }
  })();
  return { state, done };
}

async function measureOpenStreams(options: { appUrl: string; port: number; cookie: string; uuid: string; log: (line: string) => void }) {
  const { appUrl, cookie, uuid, log } = options;
  const abort = new AbortController();
  const streams = Array.from({ length: STREAMS }, () => openStream(appUrl, cookie, abort.signal));
  const started = Date.now();
  while (!streams.every((stream) => stream.state.ready || stream.state.error)) {
    if (Date.now() - started > 60_000) throw new Error("the streams did not all open within a minute");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const pid = listenerPid(options.port);
  const rss: number[] = [rssMb(pid)];
  log(`  ${STREAMS} streams open; server RSS ${rss[0]!.toFixed(0)} MB`);
  let eventsSent = 0;
  const sampler = setInterval(() => rss.push(rssMb(pid)), RSS_EVERY_MS);
  const saver = setInterval(() => {
    eventsSent += 1;
    void (async () => {
      const current = (await (await fetch(`${appUrl}/api/jobs/${uuid}`, { headers: { cookie } })).json()) as { data: { updated_at: string } };
      const response = await fetch(`${appUrl}/api/jobs/${uuid}`, {
        method: "PUT",
        headers: { cookie, origin: appUrl, "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
        body: JSON.stringify({ title: `Stream bench ${eventsSent} ${Date.now()}`, expected_updated_at: current.data.updated_at }),
      });
      if (!response.ok) eventsSent -= 1;
    })();
  }, SAVE_EVERY_MS);
  await new Promise((resolve) => setTimeout(resolve, STREAM_SECONDS * 1000));
  clearInterval(saver);
  // The last save's event on its way.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  clearInterval(sampler);
  rss.push(rssMb(pid));
  const received = streams.map((stream) => stream.state.events);
  const errors = streams.filter((stream) => stream.state.error !== null || stream.state.ended).length;
  abort.abort();
  await Promise.all(streams.map((stream) => stream.done));
  return {
    count: STREAMS,
    seconds: STREAM_SECONDS,
    rssMb: rss.map((value) => Math.round(value)),
    eventsSent,
    eventsReceivedMin: Math.min(...received),
    errors,
  };
}

export async function measureLiveUpdates(options: {
  browser: Browser;
  appUrl: string;
  port: number;
  storageState: StorageState;
  cookie: string;
  sandbox: SandboxAccess;
  log: (line: string) => void;
}): Promise<LiveUpdatesResult> {
  const { browser, appUrl, storageState, sandbox, log } = options;
  const customer = await crm<{ uuid: string }>(sandbox, "/customers", { first_name: "Live", last_name: "Benchmark" });
  const job = await crm<{ uuid: string }>(sandbox, "/jobs", { customer_uuid: customer.uuid, title: "Live bench visit" });
  log(`  ${SAVES} saves in one browser, each timed to the change on screen in another …`);
  const screen = await measureSaveToScreen(browser, appUrl, storageState, job.uuid, log);
  log(`  ${STREAMS} open streams for ${STREAM_SECONDS} s …`);
  const streams = await measureOpenStreams({ appUrl, port: options.port, cookie: options.cookie, uuid: job.uuid, log });
  return { saves: SAVES, ...screen, streams };
}
