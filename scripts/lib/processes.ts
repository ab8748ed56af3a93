import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { connect } from "node:net";

/** Resolves once something accepts TCP connections on host:port, or rejects after timeoutMs. */
export async function waitForPort(port: number, options: { host?: string; timeoutMs?: number; child?: ChildProcess } = {}) {
  const host = options.host ?? "127.0.0.1";
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (options.child && options.child.exitCode !== null) {
      throw new Error(`the process exited with code ${options.child.exitCode} before listening on port ${port}`);
    }
    if (await canConnect(host, port)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`nothing listened on ${host}:${port} within ${options.timeoutMs ?? 120_000} ms`);
}

export function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Runs a command to completion with inherited output; resolves with its exit code. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** The locally installed binary of an npm package, so no npx resolution happens at run time. */
export function binPath(name: string): string {
  return new URL(`../../node_modules/.bin/${name}`, import.meta.url).pathname;
}
