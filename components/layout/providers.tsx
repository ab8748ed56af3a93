"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Data shown to office staff may be a few seconds old; refetching on every focus would spend CRM quota.
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
      mutations: { retry: false },
    },
  });
}

/** Client-side context for every signed-in screen: data fetching, URL state and toasts. */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <NuqsAdapter>
        {children}
        <Toaster position="bottom-right" richColors closeButton toastOptions={{ duration: 8_000 }} />
      </NuqsAdapter>
    </QueryClientProvider>
  );
}
