/**
 * A save the CRM answered without keeping some fields (the server already
 * sent them a second time: lib/crm/kept-write.server.ts). The record exists;
 * the form keeps what was typed in those fields, marked as changed, so Save
 * sends them again, and says which they are.
 */
export function notSavedFields<Field extends string>(
  notSaved: readonly string[] | undefined,
  formFields: readonly Field[],
  aliases: Record<string, readonly Field[]> = {},
): Field[] {
  const fields = new Set<Field>();
  for (const name of notSaved ?? []) {
    for (const field of aliases[name] ?? []) fields.add(field);
    if ((formFields as readonly string[]).includes(name)) fields.add(name as Field);
  }
  return formFields.filter((field) => fields.has(field));
}

export function notSavedMessage(done: string, labels: readonly string[]): string {
  const list = labels.length ? labels.join(", ") : "some fields";
  return `${done}, but the CRM did not keep: ${list}. What you typed is still in the form: press Save to send it again, or enter it in the CRM.`;
}
