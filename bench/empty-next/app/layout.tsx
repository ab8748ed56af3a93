import type { ReactNode } from "react";

/** The baseline of the page-weight table: the least a Next.js App Router page ships. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
