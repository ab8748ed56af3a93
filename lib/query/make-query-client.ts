import { QueryClient } from "@tanstack/react-query";
import { isWorthRetrying } from "@/lib/http/error-advice";

/**
 * The one QueryClient recipe: a new client per server request (pages prefetch
 * into it and hand the data to the browser), one per browser tab. Plain module,
 * not "use client", so server pages can call it too.
 */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Data shown to office staff may be a few seconds old; refetching on every focus would spend CRM quota.
      // Above zero also keeps the browser from refetching what the server just prefetched.
      // One retry, and only where it can help: not after a refusal (4xx) nor when the CRM connection is misconfigured.
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: (failureCount, error) => failureCount < 1 && isWorthRetrying(error) },
      mutations: { retry: false },
    },
  });
}
