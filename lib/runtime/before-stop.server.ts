import "server-only";

/**
 * Work that must finish before the process ends on a clean stop (SIGTERM from
 * a process manager, SIGINT from Ctrl-C): the usage meter's last counts, say.
 *
 * `next start` handles both signals itself: it closes its HTTP server, lets
 * the requests in flight finish, and calls process.exit, which would cut any
 * write still under way. So from the first signal on, process.exit waits for
 * these tasks (run again at that point, for what the last requests added),
 * at most STOP_TIMEOUT_MS. A process with no handler of its own for the
 * signal exits once the tasks are done, as it would have without them.
 */
const STOP_TIMEOUT_MS = 5_000;
const SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;

interface State {
  tasks: Set<() => Promise<void>>;
  installed: boolean;
}
const holder = globalThis as typeof globalThis & { __tradesdeskBeforeStop?: State };
const state = (): State => (holder.__tradesdeskBeforeStop ??= { tasks: new Set(), installed: false });

/** Runs `task` before a clean stop, and when the process runs out of work (a script's natural end). */
export function beforeStop(task: () => Promise<void>): void {
  const current = state();
  current.tasks.add(task);
  if (current.installed) return;
  current.installed = true;
  for (const signal of Object.keys(SIGNALS) as Array<keyof typeof SIGNALS>) {
    process.on(signal, () => void stopping(signal));
  }
  // A script that simply ends: whatever the tasks keep pending is written first (they find nothing the second time).
  process.on("beforeExit", () => void runTasks());
}

async function runTasks(): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, STOP_TIMEOUT_MS);
  });
  await Promise.race([Promise.allSettled([...state().tasks].map((task) => task())), timeout]);
  clearTimeout(timer);
}

let realExit: typeof process.exit | null = null;

async function stopping(signal: keyof typeof SIGNALS): Promise<void> {
  if (!realExit) {
    const exit = (realExit = process.exit.bind(process));
    process.exit = ((code?: number | string | null) => {
      void runTasks().finally(() => exit(code));
    }) as typeof process.exit;
  }
  const exit = realExit;
  await runTasks();
  // Nobody else handles this signal: end the process, as Node would have without our handler.
  if (process.listenerCount(signal) === 1) exit(SIGNALS[signal]);
}
