import { expect, type APIRequestContext } from "@playwright/test";

/**
 * Runs the mirror's "Sync now" (a full pass) through the dashboard's API and
 * waits until it has ended: the e2e app runs with MIRROR_SYNC=off, so a spec
 * that needs the mirror to hold what the sandbox holds asks for a pass.
 */
export async function syncMirrorNow(api: APIRequestContext): Promise<void> {
  const started = await api.post("/api/sync/run");
  expect(started.status(), await started.text()).toBeLessThan(300);
  await expect
    .poll(
      async () => {
        const status = (await (await api.get("/api/sync")).json()) as { data: { running: boolean; pass: unknown; lastPassCompletedAt: string | null } };
        return !status.data.running && status.data.pass === null && status.data.lastPassCompletedAt !== null;
      },
      { timeout: 60_000, intervals: [250, 500, 1000] },
    )
    .toBe(true);
}
