import { Agent, request } from "node:http";

/**
 * A closed-loop load generator over node:http with keep-alive: `concurrency`
 * connections, each sending its next request as soon as the previous answer
 * has been read to the end. node:http rather than fetch keeps the client's
 * own CPU cost per request low, which matters when client and servers share
 * two cores.
 */
export interface TimedRequest {
  url: string;
  headers: Record<string, string>;
}

export interface LoadResult {
  /** Milliseconds from sending the request to the last byte of the answer, one per request. */
  latencies: number[];
  /** Wall time of the whole block. */
  elapsedMs: number;
  bytes: number;
  /** The Server-Timing header of each answer (empty when none). */
  serverTimings: string[];
}

export async function runClosedLoop(options: {
  requests: number;
  concurrency: number;
  next: (index: number) => TimedRequest;
  agent: Agent;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const serverTimings: string[] = [];
  let bytes = 0;
  let issued = 0;
  const worker = async () => {
    while (issued < options.requests) {
      const index = issued;
      issued += 1;
      const answer = await timedGet(options.next(index), options.agent);
      latencies.push(answer.ms);
      serverTimings.push(answer.serverTiming);
      bytes += answer.bytes;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.requests) }, worker));
  return { latencies, elapsedMs: performance.now() - started, bytes, serverTimings };
}

export function keepAliveAgent(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets });
}

/** One GET; a status other than 200 stops the bench, since timing failures would mean nothing. */
export function timedGet(target: TimedRequest, agent: Agent): Promise<{ ms: number; bytes: number; serverTiming: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const outgoing = request(target.url, { method: "GET", headers: target.headers, agent }, (response) => {
      let bytes = 0;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (response.statusCode !== 200) chunks.push(chunk);
      });
      response.on("end", () => {
        const ms = performance.now() - started;
        if (response.statusCode !== 200) {
          reject(new Error(`GET ${target.url} answered ${response.statusCode}: ${Buffer.concat(chunks).toString("utf8").slice(0, 300)}`));
          return;
        }
        const timing = response.headers["server-timing"];
        resolve({ ms, bytes, serverTiming: Array.isArray(timing) ? timing.join(", ") : (timing ?? "") });
      });
      response.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

/**
 * The dashboard's Server-Timing: `cache;desc="hit", crm;dur=12.3;desc="1 call", session;dur=0.1, validate;dur=1.2`.
 * `phases` holds every entry with a duration, crm included (lib/runtime/request-timing.server.ts).
 */
export function parseServerTiming(header: string): { cache: string | null; crmMs: number | null; phases: Record<string, number> } {
  const cache = /cache;desc="([^"]*)"/.exec(header)?.[1] ?? null;
  const phases: Record<string, number> = {};
  for (const match of header.matchAll(/(?:^|,)\s*([\w-]+);(?:[^,]*;)?dur=([\d.]+)/g)) {
    const [, name, duration] = match;
    if (name && duration) phases[name] = (phases[name] ?? 0) + Number(duration);
  }
  return { cache, crmMs: phases.crm ?? null, phases };
}
