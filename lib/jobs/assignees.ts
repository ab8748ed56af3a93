import type { Assignee } from "@/lib/jobs/job-types";

/**
 * The CRM has no users endpoint: the people jobs can be assigned to are the
 * ones seen as `assigned_user` on jobs. These helpers gather and merge them
 * so a name, never a raw id, is shown wherever one is known.
 */
export function collectAssignees(jobs: ReadonlyArray<{ assigned_user?: Assignee | null }>): Assignee[] {
  return mergeAssignees(jobs.map((job) => job.assigned_user ?? null));
}

/** Distinct people by id, sorted by name; later sightings don't replace earlier ones. */
export function mergeAssignees(...lists: ReadonlyArray<ReadonlyArray<Assignee | null | undefined>>): Assignee[] {
  const byId = new Map<string, Assignee>();
  for (const list of lists) {
    for (const person of list) {
      if (person && !byId.has(person.id)) byId.set(person.id, { id: person.id, first_name: person.first_name, last_name: person.last_name });
    }
  }
  return [...byId.values()].sort((a, b) => assigneeLabel(a).localeCompare(assigneeLabel(b)));
}

/**
 * Adds the dashboard accounts linked to a CRM user. The name the CRM gives on
 * jobs wins where both are known (it is what technicians see); a linked
 * account seen on no job yet appears under its dashboard name.
 */
export function withLinkedAccounts(seen: readonly Assignee[], links: ReadonlyArray<{ crmUserId: string; name: string }>): Assignee[] {
  return mergeAssignees(
    seen,
    links.map((link) => ({ id: link.crmUserId, first_name: link.name, last_name: "" })),
  );
}

export function assigneeLabel(person: Assignee): string {
  return `${person.first_name} ${person.last_name}`.trim() || "Unnamed team member";
}

/**
 * The label for an id that may not be among the known people (a hand-edited
 * URL, or someone on no recent job): honest about it, still without the id.
 */
export function assigneeLabelFor(id: string, people: readonly Assignee[]): string {
  const person = people.find((candidate) => candidate.id === id);
  return person ? assigneeLabel(person) : "A team member on no recent job";
}
