import type { MirrorQueryProblem } from "@/lib/mirror/mirror-types";

/**
 * A mirror query asked for something it does not offer (a sort key, a
 * filter, a value) or a contradiction (from after to). The route layer
 * answers it with a 400 naming the field and, where there is a list, the
 * allowed values (lib/api/define-route.server.ts).
 */
export class MirrorQueryError extends Error {
  override readonly name = "MirrorQueryError";
  constructor(readonly problem: MirrorQueryProblem) {
    super(problem.allowed ? `${problem.message} Allowed: ${problem.allowed.join(", ")}.` : problem.message);
  }

  get field(): string {
    return this.problem.field;
  }
}
