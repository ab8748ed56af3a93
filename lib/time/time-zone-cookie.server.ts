import "server-only";
import type { NextRequest, NextResponse } from "next/server";
import { serverEnv } from "@/lib/env.server";
import { TIME_ZONE_COOKIE } from "@/lib/time/viewer-time-zone";

/**
 * Keeps the `tz` cookie alive as long as the session cookie: a page request
 * that carries it gets it back from the server with the session's absolute
 * lifetime. A cookie written by a script may be cut short by the browser
 * (Safari keeps those 7 days at most); one the server sets is kept like the
 * session's, so a browser that still has its session still has its zone and
 * the overview renders its day on the server (ADR-025). The browser writes it
 * first (TimeZoneCookie), the sign-in page included.
 */
export function refreshTimeZoneCookie(request: NextRequest, response: NextResponse, https: boolean): void {
  if (request.method !== "GET" || request.nextUrl.pathname.startsWith("/api/")) return;
  const zone = request.cookies.get(TIME_ZONE_COOKIE)?.value;
  // The value is written by the browser; the pages check it is a zone before using it, this only refuses what no zone looks like.
  if (!zone || !/^[A-Za-z0-9%_+\-/]{1,200}$/.test(zone)) return;
  response.cookies.set({
    name: TIME_ZONE_COOKIE,
    value: zone,
    path: "/",
    maxAge: serverEnv().SESSION_ABSOLUTE_HOURS * 3600,
    sameSite: "lax",
    secure: https,
    // Read by TimeZoneCookie, which rewrites it only when the zone changed.
    httpOnly: false,
  });
}
