import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS_HEADER } from "@/lib/security/content-security-policy";
import { isHttps } from "@/lib/env.server";
import { refreshTimeZoneCookie } from "@/lib/time/time-zone-cookie.server";

/**
 * Per-request security headers: a fresh CSP nonce for every page, and HSTS
 * when the dashboard is served over HTTPS. Authentication is NOT decided here:
 * every route handler and page checks the session itself, so a request that
 * slips past the proxy gains nothing.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = isHttps() || request.nextUrl.protocol === "https:";
  const csp = contentSecurityPolicy(nonce, { https, dev: process.env.NODE_ENV === "development" });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Lets a page that needs sign-in send the person back here afterwards.
  requestHeaders.set("x-tradesdesk-path", request.nextUrl.pathname + request.nextUrl.search);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set(HSTS_HEADER.key, HSTS_HEADER.value);
  refreshTimeZoneCookie(request, response, https);
  return response;
}

export const config = {
  // Pages only. Static assets and the icons carry no script context of their
  // own, and /api answers JSON, which runs no script: a nonce there is work for
  // nothing on every call (ADR-024). API answers get a fixed CSP from
  // next.config.mjs and HSTS from their route wrapper (lib/api/define-route.server.ts).
  matcher: [
    {
      source: "/((?!api/|api$|_next/static|_next/image|favicon.ico|icon.svg|icon-[a-z0-9-]+.png|apple-touch-icon.png|manifest.webmanifest).*)",
    },
  ],
};
