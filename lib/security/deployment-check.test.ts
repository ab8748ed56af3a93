import { describe, expect, it } from "vitest";
import { insecureDeploymentProblem, isLoopbackHost } from "@/lib/security/deployment-check";

describe("insecureDeploymentProblem", () => {
  it("refuses plain HTTP to other machines in production, and says what to do", () => {
    for (const appUrl of ["http://dash.example.com", "http://192.168.1.20:3000", "http://10.0.0.5", "http://[2001:db8::1]:3000"]) {
      const problem = insecureDeploymentProblem({ nodeEnv: "production", appUrl });
      expect(problem, appUrl).toMatch(/will not start/);
      expect(problem).toMatch(/HTTPS/);
    }
  });

  it("accepts HTTPS, this machine, an unset APP_URL, and development", () => {
    for (const appUrl of [
      "https://dash.example.com",
      "http://localhost:3000",
      "http://127.0.0.1:3100",
      "http://[::1]:3000",
      "http://app.localhost",
      undefined,
    ]) {
      expect(insecureDeploymentProblem({ nodeEnv: "production", appUrl }), String(appUrl)).toBeNull();
    }
    expect(insecureDeploymentProblem({ nodeEnv: "development", appUrl: "http://dash.example.com" })).toBeNull();
  });

  it("knows loopback names", () => {
    expect(isLoopbackHost("127.8.9.10")).toBe(true);
    expect(isLoopbackHost("127.example.com")).toBe(false);
    expect(isLoopbackHost("localhost.example.com")).toBe(false);
  });
});
