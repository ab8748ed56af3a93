import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The lint rule that makes "where code runs" checkable: browser code (by
 * place, or by its "use client" directive anywhere) cannot import a
 * `*.server` module, except for types. Run on code written here, linted as if
 * it lived at the path given.
 */
const eslint = new ESLint({ cwd: process.cwd() });

let probes = 0;

/** Type-aware linting needs a real file of the project: the probe is written, linted and removed. */
async function problems(filePath: string, code: string): Promise<string[]> {
  // A new name each time: the type-aware parser keeps what it read of a path.
  probes += 1;
  const path = filePath.replace(/(\.tsx?)$/, `-${process.pid}-${probes}$1`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, code);
  try {
    const [result] = await eslint.lintFiles([path]);
    return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
  } finally {
    rmSync(path, { force: true });
  }
}

const serverImport = 'import { stampPeerAddresses } from "@/lib/api/peer-address-stamp.server";\nexport const stamp = stampPeerAddresses;\n';
const typeImport = 'import type { SignInAttempt } from "@/lib/auth/sign-in-throttle.server";\nexport type Attempt = SignInAttempt;\n';
const sharedTypeImport = 'import type { CustomerDto } from "@/lib/customers/customer-types";\nexport type Row = CustomerDto;\n';

describe("server modules stay out of browser code", () => {
  it("a component cannot import one", async () => {
    expect(await problems("components/layout/boundary-probe.tsx", serverImport)).toContain("no-restricted-imports");
  });

  it("a browser query module cannot import one", async () => {
    expect(await problems("lib/customers/queries/boundary-probe.ts", serverImport)).toContain("no-restricted-imports");
  });

  it('a "use client" module in app/ cannot import one', async () => {
    expect(await problems("app/(dashboard)/boundary-probe.tsx", `"use client";\n${serverImport}`)).toContain("client-boundary/no-server-imports");
  });

  it("a component cannot import even a type from one: shared types live in *-types.ts, which it may import", async () => {
    expect(await problems("components/layout/boundary-probe.tsx", typeImport)).toContain("no-restricted-imports");
    expect(await problems("components/layout/boundary-probe.tsx", sharedTypeImport)).toEqual([]);
  });

  it("server code may, and browser code may import types", async () => {
    expect(await problems("app/api/boundary-probe.ts", serverImport)).not.toContain("client-boundary/no-server-imports");
    expect(await problems("app/(dashboard)/boundary-probe.tsx", `"use client";\n${typeImport}`)).not.toContain("client-boundary/no-server-imports");
  });
});
