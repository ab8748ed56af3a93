import "server-only";
import { serverEnv } from "@/lib/env.server";
import { insecureDeploymentProblem } from "@/lib/security/deployment-check";

/** At start-up: a production server about to serve plain HTTP to other machines exits, saying why, before serving anything. */
export function refuseInsecureDeployment() {
  const problem = insecureDeploymentProblem({ nodeEnv: process.env.NODE_ENV, appUrl: serverEnv().APP_URL });
  if (!problem) return;
  console.error(problem);
  process.exit(1);
}
