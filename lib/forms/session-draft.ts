/**
 * A form's unsaved values kept in this tab's sessionStorage while its person
 * signs in again, so an ended session never silently loses what was typed.
 * sessionStorage is per tab and ends with it; a draft is taken (read and
 * removed) by the form that wrote it, and one older than DRAFT_MAX_AGE_MS is
 * ignored, so a forgotten draft does not surface in a later day's form.
 */
const PREFIX = "tradesdesk.draft:";
export const DRAFT_MAX_AGE_MS = 60 * 60 * 1000;

interface StoredDraft<T> {
  savedAt: number;
  draft: T;
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export function saveDraft<T>(key: string, draft: T, now = Date.now()): void {
  storage()?.setItem(PREFIX + key, JSON.stringify({ savedAt: now, draft } satisfies StoredDraft<T>));
}

export function takeDraft<T>(key: string, now = Date.now()): T | null {
  const store = storage();
  const raw = store?.getItem(PREFIX + key);
  if (!store || raw == null) return null;
  store.removeItem(PREFIX + key);
  try {
    const stored = JSON.parse(raw) as StoredDraft<T>;
    return now - stored.savedAt <= DRAFT_MAX_AGE_MS ? stored.draft : null;
  } catch {
    return null;
  }
}
