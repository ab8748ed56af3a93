"use client";

import { formatInZone, type MomentStyle } from "@/lib/time/moment-format";
import { useViewerTimeZone } from "@/lib/time/viewer-time-zone-context";

/** A moment in the viewer's zone, as <time>; `fallback` when there is none (an unknown date reads as nothing). */
export function LocalMoment({ iso, style = "dateTime", fallback = "" }: { iso: string | null | undefined; style?: MomentStyle; fallback?: string }) {
  const timeZone = useViewerTimeZone();
  if (!iso) return <>{fallback}</>;
  return <time dateTime={iso}>{formatInZone(iso, timeZone, style)}</time>;
}
