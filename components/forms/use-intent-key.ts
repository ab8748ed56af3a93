"use client";

import { useMemo, useRef } from "react";
import { newIntentKey } from "@/lib/http/api-mutate";

/**
 * One Idempotency-Key per intent. Sending the same body again (Try again
 * after a network failure, a double click) reuses the key, so the server and
 * the CRM make the change once; a different body is a new intent with a new
 * key (the CRM refuses a key reused for a different request). `done()` after
 * a success: the next save is a new intent.
 */
export function useIntentKey() {
  const last = useRef<{ body: string; key: string } | null>(null);
  return useMemo(
    () => ({
      keyFor(body: unknown): string {
        const text = JSON.stringify(body);
        if (last.current?.body !== text) last.current = { body: text, key: newIntentKey() };
        return last.current.key;
      },
      done() {
        last.current = null;
      },
    }),
    [],
  );
}
