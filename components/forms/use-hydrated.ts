"use client";

import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => {};

/** False while the server's HTML is showing, true once React has taken over the page. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
