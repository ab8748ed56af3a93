/**
 * A feature's field labels (in the words office staff use, in form order) and
 * what both features derive from them: the field list, the type guard, and a
 * label for any field name from the API or the audit log (unknown names read
 * as words).
 */
export function fieldLabelling<Field extends string>(labels: Record<Field, string>) {
  const isField = (field: string): field is Field => Object.hasOwn(labels, field);
  return {
    fields: Object.keys(labels) as Field[],
    isField,
    labelOf: (field: string): string => (isField(field) ? labels[field] : field.replace(/_/g, " ")),
  };
}
