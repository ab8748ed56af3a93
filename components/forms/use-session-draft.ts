"use client";

import { useEffect, useRef } from "react";
import { saveDraft, takeDraft } from "@/lib/forms/session-draft";
import { onSessionEnd } from "@/lib/http/session-end";

/**
 * Keeps a form's draft across an ended session: when any API call finds the
 * session over, `capture()` is stored (if it returns something: a clean form
 * has nothing to keep) before the tab goes to sign in; when the form mounts
 * again after signing in, a draft under the same key is handed to `restore`
 * once (which also tells the person, so they check it and press Save).
 */
export function useSessionDraft<T>(key: string, capture: () => T | null, restore: (draft: T) => void): void {
  const latest = useRef({ capture, restore });
  useEffect(() => {
    latest.current = { capture, restore };
  });

  useEffect(
    () =>
      onSessionEnd(() => {
        const draft = latest.current.capture();
        if (draft !== null) saveDraft(key, draft);
      }),
    [key],
  );

  useEffect(() => {
    const draft = takeDraft<T>(key);
    if (draft === null) return;
    latest.current.restore(draft);
  }, [key]);
}
