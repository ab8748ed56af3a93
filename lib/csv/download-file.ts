/**
 * Hands text to the browser as a file download (no server round trip: the
 * data is already here). The object URL is released once the click has
 * started the download.
 */
export function downloadTextFile(fileName: string, text: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "customers-vip-2025-02-18.csv": what, which view, which day, safe on every file system. */
export function csvFileName(parts: readonly (string | null | undefined)[], date = new Date()): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
  const slug = [...parts, day]
    .filter((part): part is string => Boolean(part && part.trim()))
    .map((part) =>
      part
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, ""),
    )
    .filter(Boolean)
    .join("-");
  return `${slug}.csv`;
}
