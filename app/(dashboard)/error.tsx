"use client";

import Link from "next/link";
import { useEffect } from "react";
import { primaryButtonClassName } from "@/components/ui/field";
import { ApiRequestError, shortRequestId } from "@/lib/http/api-fetch";

/**
 * What a screen shows when something unexpected stops it (a script that
 * failed to download, a render error), instead of Next.js's blank default:
 * the header and navigation stay, the person is told plainly, and can try the
 * screen again or go elsewhere. Expected failures (the CRM down, a record not
 * found, bad input) are answered on the screen itself and never get here.
 */
/** One automatic retry at most this often: a server that was restarting answers the next try; a real fault shows this screen. */
const AUTO_RETRY_MS = 3_000;
const AUTO_RETRY_EVERY_MS = 30_000;
let lastAutoRetry = 0;

export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  // A screen refreshed while its server was restarting (a live update heard as it came back, a deploy) fails once
  // and then would stay failed: try it once more by itself, a few seconds later.
  useEffect(() => {
    if (Date.now() - lastAutoRetry < AUTO_RETRY_EVERY_MS) return;
    const timer = setTimeout(() => {
      lastAutoRetry = Date.now();
      retry();
    }, AUTO_RETRY_MS);
    return () => clearTimeout(timer);
  }, [retry]);
  // Errors from the server carry only a digest (their detail stays in the server's log); quoting it finds the log line.
  const digest = typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  // A failed API call thrown here carries the request id of its answer, which finds the server's log line the same way.
  const requestId = error instanceof ApiRequestError ? error.requestId : null;

  return (
    <div role="alert" className="mx-auto max-w-xl rounded-lg border border-red-200 bg-white p-6">
      <h1 className="text-xl font-semibold tracking-tight">This screen could not be shown</h1>
      <p className="mt-2 text-slate-700">
        Something went wrong while loading it. Nothing you saved is affected. Try again; if it keeps happening, reload the page or tell your administrator.
      </p>
      {requestId ? (
        <p className="mt-2 text-sm text-slate-600">(request {shortRequestId(requestId)})</p>
      ) : (
        digest && <p className="mt-2 text-sm text-slate-600">Reference: {digest}</p>
      )}
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="button" onClick={() => retry()} className={primaryButtonClassName}>
          Try again
        </button>
        <Link href="/" className="font-medium text-brand-700 underline">
          Go to the overview
        </Link>
      </div>
    </div>
  );
}
