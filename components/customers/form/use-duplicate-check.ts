"use client";

import { useCallback, useRef, useState } from "react";
import { useFetchLookup } from "@/lib/customers/queries/lookup-callers";
import type { CustomerFormState } from "@/lib/customers/customer-schema";
import { duplicateLookups, exactDuplicates, toPossibleDuplicates } from "@/lib/customers/find-duplicates";
import type { PossibleDuplicate } from "@/lib/customers/duplicate-types";

/**
 * Possible duplicates shown under the contact fields as they are left, found
 * with the caller lookup (the phone's digits, the email). A courtesy while
 * typing: Save is checked by the server, which answers 409 with the matches.
 * On an edit, the customer themself is never a match, and a phone or email
 * left as it was (`unchanged`) is not looked up.
 */
export function useDuplicateCheck(
  getValues: () => CustomerFormState,
  options: { excludeUuid?: string | undefined; unchanged?: (field: "phone" | "email", values: CustomerFormState) => boolean } = {},
) {
  const fetchLookup = useFetchLookup();
  const [matches, setMatches] = useState<PossibleDuplicate[]>([]);
  const latest = useRef(0);
  const { excludeUuid, unchanged } = options;

  const check = useCallback(
    async (values: CustomerFormState) => {
      const run = ++latest.current;
      const wanted = duplicateLookups({
        phone: unchanged?.("phone", values) ? null : values.phone,
        email: unchanged?.("email", values) ? null : values.email,
      });
      const terms = [wanted.phone, wanted.email].filter((term): term is string => term !== null);
      if (terms.length === 0) {
        setMatches([]);
        return;
      }
      const answers = await Promise.allSettled(terms.map((term) => fetchLookup(term)));
      const found = exactDuplicates(
        answers.flatMap((answer) => (answer.status === "fulfilled" ? answer.value.matches : [])),
        wanted,
        excludeUuid,
      );
      // A slower, older check must not overwrite a newer one.
      if (run === latest.current) setMatches(toPossibleDuplicates(found));
    },
    [fetchLookup, excludeUuid, unchanged],
  );

  return { matches, checkCurrent: () => void check(getValues()) };
}
