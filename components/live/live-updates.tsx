"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { LiveChangeStore } from "@/lib/events/live-change-store";
import { LIVE_EVENT_CHANGE, LIVE_EVENT_RESET, type LiveChange } from "@/lib/events/live-event-types";
import { liveChangesApplied } from "@/lib/events/queries/live-change-applied";

/**
 * Colleagues' changes on this tab without a reload (ADR-022): one EventSource
 * per tab on /api/events. Changes are gathered for COALESCE_MS (and at least
 * MIN_GAP_MS pass between two refreshes, so a bulk change of 500 jobs costs an
 * open tab a refresh or two a second, not one per job), then the
 * query data they touch is refetched and server-rendered screens (overview,
 * record pages) are refreshed once for the lot. The browser reconnects a
 * dropped stream itself and sends Last-Event-ID, so what was missed is
 * replayed; a stream the server ended with an error status (signed out, the
 * database away) is opened again here after REOPEN_MS, from the last id heard.
 *
 * `document.body.dataset.live` says "ready" once the stream is caught up and
 * "reconnecting" while it is not (tests and the bench wait on it).
 */
const COALESCE_MS = 150;
const MIN_GAP_MS = 500;
const REOPEN_MS = 5_000;
const PRESSED_RETRY_MS = 250;

const LiveChangesContext = createContext<LiveChangeStore | null>(null);

/** The changes this tab has heard; null outside the dashboard's frame (then nothing is live). */
export function useLiveChangeStore(): LiveChangeStore | null {
  return useContext(LiveChangesContext);
}

export function LiveUpdates({ userId, children }: { userId: string; children: ReactNode }) {
  const [store] = useState(() => new LiveChangeStore(userId));
  const queryClient = useQueryClient();
  const router = useRouter();

  useEffect(() => {
    let source: EventSource | null = null;
    let lastId: string | null = null;
    let pending: LiveChange[] = [];
    let reset = false;
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;

    let lastFlush = 0;
    // While a pointer is pressed (a card being dragged, text being selected) the screen does not change under it:
    // a refresh then would move the drop targets the drag has measured. The changes wait for the release.
    let pressed = false;
    const press = () => (pressed = true);
    const release = () => (pressed = false);
    document.addEventListener("pointerdown", press, true);
    document.addEventListener("pointerup", release, true);
    document.addEventListener("pointercancel", release, true);
    const flush = () => {
      flushTimer = undefined;
      // With the stream down the server likely is too, and a refresh then would fall back to a full page load
      // of a server that is not there: the changes wait until the stream is back (its replay brings the rest).
      if (pressed || source?.readyState !== EventSource.OPEN) {
        flushTimer = setTimeout(flush, PRESSED_RETRY_MS);
        return;
      }
      lastFlush = Date.now();
      const batch = reset ? null : pending;
      pending = [];
      reset = false;
      void liveChangesApplied(queryClient, batch);
      router.refresh();
    };
    const later = () => {
      flushTimer ??= setTimeout(flush, Math.max(COALESCE_MS, lastFlush + MIN_GAP_MS - Date.now()));
    };
    const heard = (event: MessageEvent<string>) => {
      if (event.lastEventId) lastId = event.lastEventId;
    };
    const open = () => {
      const stream = new EventSource(lastId ? `/api/events?last_event_id=${encodeURIComponent(lastId)}` : "/api/events");
      source = stream;
      stream.addEventListener(LIVE_EVENT_CHANGE, (event: MessageEvent<string>) => {
        heard(event);
        const change = JSON.parse(event.data) as LiveChange;
        store.add(change);
        pending.push(change);
        later();
      });
      stream.addEventListener(LIVE_EVENT_RESET, (event: MessageEvent<string>) => {
        heard(event);
        reset = true;
        later();
      });
      stream.addEventListener("ready", (event: MessageEvent<string>) => {
        heard(event);
        document.body.dataset.live = "ready";
      });
      stream.onerror = () => {
        document.body.dataset.live = "reconnecting";
        if (stream.readyState !== EventSource.CLOSED) return;
        stream.close();
        reopenTimer = setTimeout(open, REOPEN_MS);
      };
    };
    open();
    return () => {
      document.removeEventListener("pointerdown", press, true);
      document.removeEventListener("pointerup", release, true);
      document.removeEventListener("pointercancel", release, true);
      source?.close();
      clearTimeout(flushTimer);
      clearTimeout(reopenTimer);
      delete document.body.dataset.live;
    };
  }, [store, queryClient, router]);

  return <LiveChangesContext.Provider value={store}>{children}</LiveChangesContext.Provider>;
}
