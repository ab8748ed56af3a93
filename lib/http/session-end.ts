/**
 * What happens in the browser when the dashboard's session has ended (idle or
 * absolute timeout, signed out in another tab, an administrator's reset): any
 * API call answered 401 lands here. Every open form first keeps what was typed
 * (a draft in this tab's sessionStorage, see lib/forms/session-draft.ts), then
 * the tab goes to sign in with `next` set to this page, so signing in brings
 * the person back here and the form puts the draft back.
 */
type DraftSaver = () => void;

const savers = new Set<DraftSaver>();
let leaving = false;

/** A form registers how to keep its draft; the returned function unregisters it. */
export function onSessionEnd(saveDraft: DraftSaver): () => void {
  savers.add(saveDraft);
  return () => savers.delete(saveDraft);
}

/** True once the tab is on its way to sign in: "leave without saving?" prompts stand aside (the draft is kept). */
export function isLeavingForSignIn(): boolean {
  return leaving;
}

export function signInPathFor(location: { pathname: string; search: string }): string {
  const next = `${location.pathname}${location.search}`;
  return `/sign-in?${new URLSearchParams({ next, reason: "expired" }).toString()}`;
}

export function sessionEnded(): void {
  if (typeof window === "undefined" || leaving) return;
  leaving = true;
  for (const save of savers) {
    try {
      save();
    } catch {
      // A draft that cannot be kept (storage full or disabled) must not keep the person from signing in.
    }
  }
  window.location.assign(signInPathFor(window.location));
}
