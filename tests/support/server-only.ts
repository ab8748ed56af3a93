// Vitest runs server modules outside Next.js, where the real `server-only`
// package throws on import by design. The guard still applies to every build.
export {};
