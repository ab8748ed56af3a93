"use client";

import { useCallback, useRef } from "react";
import { newIntentKey } from "@/lib/http/api-mutate";

/**
 * The Idempotency-Key for a save. Pressing Save again with exactly the same
 * request (after a lost answer or a 503) is the same intent: same key, so the
 * job is created or changed once. A different request (edited values, a new
 * expected_updated_at after a conflict) is a new intent: the CRM would refuse
 * a known key with another body.
 */
export function useIntentKey() {
  const last = useRef<{ body: string; key: string } | null>(null);
  const keyFor = useCallback((request: unknown) => {
    const body = JSON.stringify(request);
    if (last.current?.body !== body) last.current = { body, key: newIntentKey() };
    return last.current.key;
  }, []);
  const forget = useCallback(() => {
    last.current = null;
  }, []);
  return { keyFor, forget };
}
