"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { secondaryButtonClassName } from "@/components/ui/field";
import type { MirrorAsOf, SyncStatus } from "@/lib/mirror/mirror-types";
import { useRefreshAfterSync, useSyncNow, useWatchedSyncStatus } from "@/lib/mirror/queries/sync-now";

/** When sync last looked at the CRM (the newer of its last full pass and its last look for changes), or null before it ever did. */
export function lastSyncedAt(asOf: MirrorAsOf): string | null {
  const times = [asOf.lastFullPassAt, asOf.lastChangesAt].filter((at): at is string => at !== null);
  return times.sort().at(-1) ?? null;
}

/** "10:42" today, "Dec 6, 10:42" another day, in the viewer's zone. */
export function formatAsOf(iso: string, timeZone: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const day = (date: Date) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
  const time = new Intl.DateTimeFormat("en-US", { timeZone, hour: "2-digit", minute: "2-digit" }).format(at);
  if (day(at) === day(now)) return time;
  return `${new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric" }).format(at)}, ${time}`;
}

const running = (status: SyncStatus | undefined) => Boolean(status && (status.running || status.pass));

/**
 * Said above every screen answered from the mirror: how fresh it is ("As of
 * 10:42": when sync last looked at the CRM), and for people who may start it,
 * Sync now, which runs a full pass and refreshes the screen when it ends. A
 * mirror that has never finished a pass says so instead of showing a time.
 */
export function MirrorFreshness({ asOf, timeZone, canSync }: { asOf: MirrorAsOf; timeZone: string; canSync: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [watching, setWatching] = useState(false);
  const synced = lastSyncedAt(asOf);

  const status = useWatchedSyncStatus(watching);
  const refreshAll = useRefreshAfterSync();

  const syncNow = useSyncNow({
    onSuccess: () => {
      setMessage({ kind: "ok", text: "Syncing with the CRM…" });
      setWatching(true);
    },
    onError: (error) => setMessage({ kind: "error", text: error.message }),
  });

  // Once the pass ends, everything on screen is read again (the page's own queries and its server render).
  const sawRunning = useRef(false);
  useEffect(() => {
    if (!watching || !status.data) return;
    if (running(status.data)) {
      sawRunning.current = true;
      return;
    }
    if (!sawRunning.current && status.dataUpdatedAt === 0) return;
    sawRunning.current = false;
    setWatching(false);
    const problem = status.data.halted?.reason;
    setMessage(problem ? { kind: "error", text: `Sync stopped: ${problem}` } : { kind: "ok", text: "Synced with the CRM." });
    void refreshAll();
    router.refresh();
  }, [watching, status.data, status.dataUpdatedAt, refreshAll, router]);

  const busy = syncNow.isPending || watching;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600" data-testid="mirror-freshness">
      <p>
        {synced ? (
          <>
            From Tradesdesk&apos;s copy of the CRM, as of <time dateTime={synced}>{formatAsOf(synced, timeZone)}</time>.
          </>
        ) : (
          <>From Tradesdesk&apos;s copy of the CRM, which has not finished its first full pass yet: records may be missing.</>
        )}
      </p>
      {canSync ? (
        <button type="button" className={secondaryButtonClassName} onClick={() => syncNow.mutate()} disabled={busy} aria-busy={busy}>
          {busy ? "Syncing…" : "Sync now"}
        </button>
      ) : null}
      <p role="status" aria-live="polite" className={message?.kind === "error" ? "text-red-700" : undefined}>
        {message?.text}
      </p>
    </div>
  );
}
