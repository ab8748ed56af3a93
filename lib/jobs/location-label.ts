/**
 * A location's name for the screens. A location the company's list does not
 * hold (removed, or the list could not be read whole) is said with its id, so
 * the office can look it up in the CRM, rather than as a vague "unknown".
 */
export function locationNotFound(uuid: string): string {
  return `Location not found (${uuid})`;
}

export function locationLabel(uuid: string | null | undefined, locations: ReadonlyArray<{ uuid: string; name: string }> | undefined): string {
  if (!uuid) return "";
  if (!locations) return "";
  return locations.find((location) => location.uuid === uuid)?.name ?? locationNotFound(uuid);
}
