import { createHash } from "node:crypto";

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * A UUID (version-4 layout) derived from a seed and a label, so set-up records
 * get the same identity on every start and inserts can skip what exists.
 */
export function deterministicUuid(seed: string, label: string): string {
  const hex = sha256Hex(`${seed}:${label}`);
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
