"use client";

import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/time/viewer-time-zone";

/** A year: the zone changes only when the computer travels, and then this writes it again. */
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * Tells the server the browser's time zone (lib/time/viewer-time-zone.ts), in a
 * cookie it rewrites only when the zone has changed. Not a secret and not used
 * for any decision but the day a page shows, so readable by scripts.
 */
export function TimeZoneCookie() {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const value = encodeURIComponent(zone);
    const current = document.cookie
      .split("; ")
      .find((entry) => entry.startsWith(`${TIME_ZONE_COOKIE}=`))
      ?.slice(TIME_ZONE_COOKIE.length + 1);
    if (current === value) return;
    const secure = window.location.protocol === "https:" ? "; Secure" : "";
    document.cookie = `${TIME_ZONE_COOKIE}=${value}; Path=/; Max-Age=${MAX_AGE_SECONDS}; SameSite=Lax${secure}`;
  }, []);
  return null;
}
