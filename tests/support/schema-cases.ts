import type { z } from "zod";

/** Every issue as path → messages, so a test can say exactly where each one lands. */
export function issuesOf(result: { success: boolean; error?: z.ZodError }): Record<string, string[]> {
  const issues: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (issues[issue.path.join(".")] ??= []).push(issue.message);
  return issues;
}

/** `parse` (the safeParse result) and `parsed` (the output, or a throw naming the issues) of one schema. */
export function schemaCases<Schema extends z.ZodType>(schema: Schema) {
  const parse = (input: Record<string, unknown>) => schema.safeParse(input);
  const parsed = (input: Record<string, unknown>): z.output<Schema> => {
    const result = parse(input);
    if (!result.success) throw new Error(JSON.stringify(issuesOf(result)));
    return result.data;
  };
  return { parse, parsed };
}
