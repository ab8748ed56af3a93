/**
 * Security headers that are the same on every response. The per-request
 * Content-Security-Policy (with its nonce) and HSTS are set in proxy.ts.
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** The API's answers are data, never documents: nothing may load from them or frame them. */
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets parallel test runs keep separate builds (NEXT_DIST_DIR=.next-e2e-2); ".next" otherwise.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm test` typechecks the whole repository (app, sandbox, scripts, tests)
  // as a check of its own; the build does not run the same check a second time.
  typescript: { ignoreBuildErrors: true },
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  // The sandbox lives in the same repository but is a separate program that the
  // app reaches over HTTP only; keep its sources out of the app's build.
  outputFileTracingExcludes: { "*": ["sandbox/**", ".data/**"] },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // JSON answers load nothing and may be framed by nobody; pages get theirs, with a nonce, from proxy.ts.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
