import "server-only";
import { logEvent } from "@/lib/api/logger.server";
import { subscribeLive } from "@/lib/events/live-bus.server";
import { LIVE_EVENT_CHANGE, LIVE_EVENT_RESET, type LiveChange } from "@/lib/events/live-event-types";
import { latestLiveId, resumeAfter } from "@/lib/events/live-log.server";

/**
 * One tab's server-sent events (GET /api/events), as a byte stream:
 *
 *   retry: 3000              how long the browser waits before reconnecting
 *   event: change  id: N     each change, `data:` a LiveChange
 *   event: reset   id: N     the tab was away longer than the log keeps: refetch everything
 *   event: ready   id: N     caught up; N is where a reconnect resumes from
 *   : keep-alive             every HEARTBEAT_MS, so proxies and the browser keep the connection
 *
 * With `lastEventId` (the browser's Last-Event-ID on a reconnect) what was
 * missed is sent first, from the log. Changes arriving meanwhile wait in a
 * queue and follow, each once. Everything the stream holds (its listener,
 * its timer) is let go when the request is aborted or the reader cancels.
 */
export const HEARTBEAT_MS = 15_000;
export const RETRY_MS = 3_000;

const encoder = new TextEncoder();
const frame = (event: string, id: string, data: unknown) => encoder.encode(`event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`);

export function liveEventStream({
  lastEventId,
  signal,
  heartbeatMs = HEARTBEAT_MS,
}: {
  lastEventId: string | null;
  signal: AbortSignal;
  heartbeatMs?: number;
}) {
  let release = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const sent = new Set<string>();
      let queue: LiveChange[] | null = [];
      let closed = false;
      const send = (bytes: Uint8Array) => {
        if (closed) return;
        try {
          controller.enqueue(bytes);
        } catch {
          release();
        }
      };
      const sendChange = (change: LiveChange) => {
        if (sent.has(change.id)) return;
        sent.add(change.id);
        send(frame(LIVE_EVENT_CHANGE, change.id, change));
      };
      const unsubscribe = subscribeLive(
        (change) => (queue ? queue.push(change) : sendChange(change)),
        () => release(),
      );
      const heartbeat = setInterval(() => send(encoder.encode(": keep-alive\n\n")), heartbeatMs);
      release = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(heartbeat);
        signal.removeEventListener("abort", release);
        try {
          controller.close();
        } catch {
          // Already closed by the reader.
        }
      };
      signal.addEventListener("abort", release);
      if (signal.aborted) return release();

      send(encoder.encode(`retry: ${RETRY_MS}\n\n`));
      void catchUp(lastEventId)
        .then(({ reset, changes, position }) => {
          if (reset) send(frame(LIVE_EVENT_RESET, position, { reason: "The changes since this tab last heard are no longer kept." }));
          for (const change of changes) sendChange(change);
          send(frame("ready", position, { id: position }));
          const waiting = queue ?? [];
          queue = null;
          for (const change of waiting) sendChange(change);
        })
        .catch((error: unknown) => {
          // The log could not be read: end the stream; the browser reconnects after `retry` and asks again.
          logEvent("error", "live_stream_failed", { message: error instanceof Error ? error.message : String(error) });
          release();
        });
    },
    cancel() {
      release();
    },
  });
}

async function catchUp(lastEventId: string | null): Promise<{ reset: boolean; changes: LiveChange[]; position: string }> {
  const latest = await latestLiveId();
  if (lastEventId === null) return { reset: false, changes: [], position: latest };
  const resumed = await resumeAfter(lastEventId);
  if (resumed.kind === "reset") return { reset: true, changes: [], position: latest };
  const position = resumed.changes.at(-1)?.id ?? lastEventId;
  return { reset: false, changes: resumed.changes, position: BigInt(position) > BigInt(latest) ? position : latest };
}
