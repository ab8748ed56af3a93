import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { HydrationMarker } from "@/components/layout/hydration-marker";
import { TimeZoneCookie } from "@/components/layout/time-zone-cookie";
import "./globals.css";

// Every page is rendered per request: each response carries its own CSP nonce,
// which a page prerendered at build time could not.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Tradesdesk", template: "%s · Tradesdesk" },
  description: "The office dashboard for trades companies on Custom Trades CRM.",
  // Drawn by scripts/make-icons.ts from public/icon.svg; the manifest lets a tablet or phone pin the dashboard (ADR-025).
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "32x32" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
  appleWebApp: { title: "Tradesdesk" },
};

/** The brand colour (--color-brand-700) for the browser's own bars and a pinned app's title bar. */
export const viewport: Viewport = { themeColor: "#0a4ba0" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {children}
        <HydrationMarker />
        <TimeZoneCookie />
      </body>
    </html>
  );
}
