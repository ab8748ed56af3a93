/** Number formats shared by every table, so the same quantity always reads the same. */

export function ms(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : "n/a";
}

export function kilobytes(bytes: number): string {
  return Number.isFinite(bytes) ? (bytes / 1024).toFixed(1) : "n/a";
}

export function perSecond(value: number): string {
  return Number.isFinite(value) ? value.toFixed(0) : "n/a";
}

export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : "n/a";
}

export function count(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString("en-US") : "n/a";
}

export function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

export function yesNo(met: boolean): string {
  return met ? "yes" : "**no**";
}
