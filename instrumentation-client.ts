/**
 * Runs in the browser before the app's own code (a Next.js file convention).
 *
 * Zod, the first time it validates an object, probes whether it may compile
 * a faster validator with `new Function`. Our Content-Security-Policy allows
 * no eval, so the probe fails: zod catches that and carries on, but the
 * browser still records a CSP violation (Chromium's Issues panel, Lighthouse's
 * best-practices score). `jitless` skips the probe. Zod keeps its settings on
 * this global so that every copy and chunk of it shares them; it is set here,
 * without importing zod, so the first load carries none of zod's code.
 */
type ZodGlobalConfig = { jitless?: boolean };

const zodHolder = globalThis as typeof globalThis & { __zod_globalConfig?: ZodGlobalConfig };
zodHolder.__zod_globalConfig = { ...zodHolder.__zod_globalConfig, jitless: true };
