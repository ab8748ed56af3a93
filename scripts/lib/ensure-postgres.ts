import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "./processes";

export interface TestPostgres {
  /** A superuser URL of the server; tests create a database of their own on it. */
  url: string;
  /** Where it came from, for the test log. */
  source: string;
  stop: () => void;
}

/**
 * A real Postgres for the tests that prove the dashboard on one, found the way
 * `npm test` finds Chromium: TEST_DATABASE_URL when set; else the machine's
 * own Postgres binaries, started on a free port in a temporary directory and
 * removed afterwards; else Debian's postgresql package, installed when
 * running as root. Postgres refuses to run as root, so as root the server
 * runs as the `postgres` user the package creates.
 */
export async function ensurePostgres(): Promise<TestPostgres> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) return { url: given, source: "TEST_DATABASE_URL", stop: () => undefined };

  let binDir = findPostgresBinaries();
  if (!binDir) {
    if (!isRoot())
      throw new Error("No Postgres found: install PostgreSQL (initdb, pg_ctl) or set TEST_DATABASE_URL to a server the tests may create databases on.");
    console.log("No Postgres found: installing Debian's postgresql package…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    if ((await run("apt-get", ["install", "-y", "-qq", "postgresql"], { env })) !== 0) {
      await run("apt-get", ["update", "-qq"], { env });
      await run("apt-get", ["install", "-y", "-qq", "postgresql"], { env });
    }
    binDir = findPostgresBinaries();
    if (!binDir) throw new Error("Installing Postgres failed; set TEST_DATABASE_URL to a server the tests may create databases on.");
  }
  return startTemporaryServer(binDir);
}

/** The newest version's bin directory of a Debian-style install, or the directory of initdb on PATH. */
export function findPostgresBinaries(): string | null {
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((entry) => existsSync(join(debian, entry, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], "bin");
  }
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  return onPath ? onPath.replace(/\/initdb$/, "") : null;
}

async function startTemporaryServer(binDir: string): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), "tradesdesk-pg-"));
  const dataDir = join(dir, "data");
  const port = await freePort();
  const asPostgres = isRoot();
  if (asPostgres) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const runPg = (tool: string, args: string[]) => {
    const command = asPostgres ? "runuser" : join(binDir, tool);
    const fullArgs = asPostgres ? ["-u", "postgres", "--", join(binDir, tool), ...args] : args;
    const result = spawnSync(command, fullArgs, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
  };
  runPg("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  // Durability is not what these tests measure: skip the fsyncs that would slow them on a busy disk.
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  runPg("pg_ctl", ["-D", dataDir, "-o", options, "-l", join(dir, "server.log"), "-w", "-t", "60", "start"]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    source: `${join(binDir, "postgres")} on port ${port}, in ${dir} (temporary)`,
    stop: () => {
      try {
        runPg("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
