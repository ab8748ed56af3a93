"use client";

import { createContext, useContext, type ReactNode } from "react";

/**
 * The viewer's time zone as the server read it from the `tz` cookie, for
 * every client component that formats a moment: the server renders with it
 * and the browser hydrates with the same value, so there is no mismatch and
 * nothing moves. UTC outside a provider (as the server does before the cookie).
 */
const ViewerTimeZoneContext = createContext("UTC");

export function ViewerTimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <ViewerTimeZoneContext.Provider value={timeZone}>{children}</ViewerTimeZoneContext.Provider>;
}

export function useViewerTimeZone(): string {
  return useContext(ViewerTimeZoneContext);
}
