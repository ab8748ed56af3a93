/** The IPC messages between the bench and bench/sandbox-process.ts. */
export interface SandboxReady {
  type: "ready";
  apiUrl: string;
  seeded: { customers: number; jobs: number };
  /** The company's technicians (BENCH_SANDBOX_TECHNICIANS asks for at least so many). */
  technicianIds: string[];
  startMs: number;
}

export interface SandboxUsage {
  type: "usage";
  id: number;
  /** Requests the sandbox has counted for the bench's company; -1 with error when it could not say. */
  used: number;
  error?: string;
}

export type SandboxRequest = { type: "usage"; id: number } | { type: "stop" };
export type SandboxMessage = SandboxReady | SandboxUsage;
