"use client";

import type { Updater, VisibilityState } from "@tanstack/react-table";
import { useCallback, useMemo, useSyncExternalStore } from "react";

/**
 * Column visibility remembered in this browser per person and table, e.g.
 * key `tradesdesk.columns.customers.<user id>`: people sharing an office
 * computer keep their own choices. Where storage is blocked (some private
 * windows) the choice is kept in memory until the page is reloaded.
 *
 * `defaults` must be a stable object (a module constant).
 */
const listeners = new Set<() => void>();
const inMemory = new Map<string, string | null>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return inMemory.get(key) ?? null;
  }
}

function parseStored(raw: string | null): VisibilityState {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, boolean] => typeof entry[1] === "boolean"));
  } catch {
    return {};
  }
}

export function columnVisibilityStorageKey(table: string, userId: string): string {
  return `tradesdesk.columns.${table}.${userId}`;
}

export function useStoredColumnVisibility(storageKey: string, defaults: VisibilityState) {
  // The server has no localStorage: it renders the defaults, the browser then shows the stored choice.
  const raw = useSyncExternalStore(
    subscribe,
    () => readStored(storageKey),
    () => null,
  );
  const visibility = useMemo(() => ({ ...defaults, ...parseStored(raw) }), [defaults, raw]);

  const setVisibility = useCallback(
    (updater: Updater<VisibilityState>) => {
      const next = JSON.stringify(typeof updater === "function" ? updater(visibility) : updater);
      inMemory.set(storageKey, next);
      try {
        window.localStorage.setItem(storageKey, next);
      } catch {
        // Blocked storage: the in-memory copy serves until reload.
      }
      for (const listener of listeners) listener();
    },
    [storageKey, visibility],
  );

  const resetVisibility = useCallback(() => {
    inMemory.set(storageKey, null);
    try {
      window.localStorage.removeItem(storageKey);
    } catch {
      // As above.
    }
    for (const listener of listeners) listener();
  }, [storageKey]);

  return { visibility, setVisibility, resetVisibility };
}
