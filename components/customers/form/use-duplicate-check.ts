"use client";

import { useCallback, useRef, useState } from "react";
import { useFetchLookup } from "@/lib/customers/queries/lookup-callers";
import type { CustomerFormState } from "@/lib/customers/customer-schema";
import { duplicateLookups, exactDuplicates, type DuplicateMatch } from "@/lib/customers/find-duplicates";

const keyOf = (matches: readonly DuplicateMatch[]) =>
  matches
    .map((match) => match.customer.uuid)
    .sort()
    .join(",");

/**
 * Possible duplicates of the customer being created, found with the caller
 * lookup (the phone's digits, the email), as the contact fields are left and
 * again on Save. A lookup that fails doesn't block saving: the check is a
 * courtesy, the person still decides. "Create anyway" is remembered for the
 * matches it answered; a different match asks again.
 */
export function useDuplicateCheck(getValues: (() => CustomerFormState) | null) {
  const fetchLookup = useFetchLookup();
  const [matches, setMatches] = useState<DuplicateMatch[]>([]);
  const [checking, setChecking] = useState(false);
  const [acknowledged, setAcknowledged] = useState<string | null>(null);
  const latest = useRef(0);

  const check = useCallback(
    async (values: CustomerFormState): Promise<DuplicateMatch[]> => {
      const run = ++latest.current;
      const wanted = duplicateLookups(values);
      const terms = [wanted.phone, wanted.email].filter((term): term is string => term !== null);
      if (terms.length === 0) {
        setMatches([]);
        return [];
      }
      setChecking(true);
      const answers = await Promise.allSettled(terms.map((term) => fetchLookup(term)));
      const found = exactDuplicates(
        answers.flatMap((answer) => (answer.status === "fulfilled" ? answer.value.matches : [])),
        wanted,
      );
      // A slower, older check must not overwrite a newer one.
      if (run === latest.current) {
        setMatches(found);
        setChecking(false);
      }
      return found;
    },
    [fetchLookup],
  );

  return {
    matches,
    checking,
    check,
    checkCurrent: () => {
      if (getValues) void check(getValues());
    },
    isAcknowledged: (list: readonly DuplicateMatch[]) => acknowledged === keyOf(list),
    acknowledge: (list: readonly DuplicateMatch[]) => setAcknowledged(keyOf(list)),
  };
}
