import { useEffect, useState } from "react";
import type { checkJobFilters } from "@/lib/jobs/job-list-filters";
import type { CheckedJobFilters, FilterCheck, JobFilterKey, RawJobFilters } from "@/lib/jobs/job-list-url";

type Checker = typeof checkJobFilters;

/*
 * The job screens judge their URL filters with the job list API's own schema
 * (lib/jobs/job-list-filters.ts), so a hand-edited value gets the API's
 * message on its filter. That schema brings zod, about 33 KB gzip, which the
 * page needs only once its filters differ from the ones the server page
 * rendered with and already checked. So it is fetched then (or a little
 * earlier, when the pointer or focus reaches the filters), never in the
 * page's first load. Same schema, same messages; only the loading is later.
 */
let loaded: Checker | null = null;
let loading: Promise<Checker> | null = null;

function loadChecker(): Promise<Checker> {
  loading ??= import("@/lib/jobs/job-list-filters").then(
    (module) => (loaded = module.checkJobFilters),
    (error: unknown) => {
      loading = null; // the next need tries again
      throw error;
    },
  );
  return loading;
}

/** Starts fetching the filter check before it is needed; a failure is reported by useJobFilterCheck when it is. */
export function preloadJobFilterCheck(): void {
  loadChecker().catch(() => undefined);
}

/**
 * The verdict on the URL's filters (only `keys` are read): the server page's
 * own while the filters are the ones it checked, otherwise checkJobFilters'
 * in the browser. While the check is still being fetched (the first change
 * on a page), the screen keeps showing the server page's view.
 */
export function useJobFilterCheck(raw: RawJobFilters, keys: readonly JobFilterKey[], server: CheckedJobFilters): FilterCheck {
  const sameAsServer = keys.every((key) => raw[key] === server.raw[key]);
  const [checker, setChecker] = useState<{ check: Checker } | null>(() => (loaded ? { check: loaded } : null));
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const needed = !sameAsServer && checker === null;

  useEffect(() => {
    if (!needed) return;
    let current = true;
    loadChecker().then(
      (check) => current && setChecker({ check }),
      (error: unknown) => current && setFailure({ error }),
    );
    return () => {
      current = false;
    };
  }, [needed]);

  // Without the check the screen can't honour the URL's filters: the error boundary says so, as for any chunk that fails to load.
  if (failure) throw failure.error;
  if (sameAsServer) return server.check;
  return checker ? checker.check(raw, keys) : server.check;
}
