import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { canConnect } from "../../scripts/lib/processes";

/**
 * nginx running deploy/nginx.conf, the example docs/deploy.md shows, with only
 * its lines marked "test:" changed: this machine's ports, a self-signed
 * certificate made now with openssl, 127.0.0.1 as the server name. Wrapped in
 * the smallest main configuration nginx needs to run unprivileged files from
 * a temporary directory, in the foreground, as a child of the test.
 */
export interface NginxProxy {
  origin: string;
  child: ChildProcess;
  log: () => string;
  stop: () => Promise<void>;
}

export const DEPLOY_CONFIG = "deploy/nginx.conf";

/** deploy/nginx.conf with the marked lines set for this run; fails if a marked line is missing. */
export function configForTest(source: string, values: { httpsPort: number; httpPort: number; upstreams: number[]; certificate: string; key: string }): string {
  let instance = 0;
  const marked = new Set<string>();
  const out = source.split("\n").map((line) => {
    const mark = /#\s*test:\s*(\w+)\s*$/.exec(line)?.[1];
    if (!mark) return line;
    marked.add(mark);
    const indent = /^\s*/.exec(line)?.[0] ?? "";
    switch (mark) {
      case "instance":
        return `${indent}server 127.0.0.1:${values.upstreams[instance++]};`;
      case "listen":
        return `${indent}listen 127.0.0.1:${values.httpsPort} ssl;`;
      case "listen_http":
        return `${indent}listen 127.0.0.1:${values.httpPort};`;
      case "server_name":
        return `${indent}server_name 127.0.0.1;`;
      case "certificate":
        return `${indent}ssl_certificate ${values.certificate};`;
      case "key":
        return `${indent}ssl_certificate_key ${values.key};`;
      default:
        throw new Error(`${DEPLOY_CONFIG}: unknown test mark "${mark}"`);
    }
  });
  for (const needed of ["instance", "listen", "server_name", "certificate", "key"]) {
    if (!marked.has(needed)) throw new Error(`${DEPLOY_CONFIG} has no line marked "test: ${needed}"`);
  }
  if (instance !== values.upstreams.length) throw new Error(`${DEPLOY_CONFIG} names ${instance} instances; the test runs ${values.upstreams.length}`);
  return out.join("\n");
}

export async function startNginxProxy(options: {
  nginx: string;
  openssl: string;
  httpsPort: number;
  httpPort: number;
  upstreams: number[];
}): Promise<NginxProxy> {
  const dir = mkdtempSync(join(tmpdir(), "tradesdesk-nginx-"));
  // nginx started as root serves from unprivileged workers: they must reach its temp paths.
  chmodSync(dir, 0o755);
  for (const temp of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
    mkdirSync(join(dir, temp));
    chmodSync(join(dir, temp), 0o777);
  }
  const certificate = join(dir, "cert.pem");
  const key = join(dir, "key.pem");
  const made = spawnSync(
    options.openssl,
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      key,
      "-out",
      certificate,
    ],
    { encoding: "utf8" },
  );
  if (made.status !== 0) throw new Error(`openssl could not make a certificate: ${made.stderr}`);

  writeFileSync(join(dir, "site.conf"), configForTest(readFileSync(DEPLOY_CONFIG, "utf8"), { ...options, certificate, key }));
  writeFileSync(
    join(dir, "nginx.conf"),
    [
      "worker_processes 1;",
      "daemon off;",
      `pid ${join(dir, "nginx.pid")};`,
      `error_log ${join(dir, "error.log")} warn;`,
      "events { worker_connections 256; }",
      "http {",
      `  access_log ${join(dir, "access.log")};`,
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `  ${kind}_temp_path ${join(dir, kind === "client_body" ? "body" : kind)};`),
      `  include ${join(dir, "site.conf")};`,
      "}",
      "",
    ].join("\n"),
  );
  const check = spawnSync(options.nginx, ["-t", "-p", dir, "-c", join(dir, "nginx.conf")], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx refused the configuration: ${check.stderr}`);

  let log = "";
  const child = spawn(options.nginx, ["-p", dir, "-c", join(dir, "nginx.conf")], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  for (let waited = 0; !(await canConnect("127.0.0.1", options.httpsPort)); waited += 100) {
    if (child.exitCode !== null || waited > 20_000) throw new Error(`nginx did not start: ${log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        rmSync(dir, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once("exit", done);
      child.kill("SIGQUIT"); // nginx's graceful stop
    });
  return { origin: `https://127.0.0.1:${options.httpsPort}`, child, log: () => log, stop };
}
