"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";
import { makeQueryClient } from "@/lib/query/make-query-client";

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
