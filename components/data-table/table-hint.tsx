/**
 * The line above a sortable table: how it is sorted (with a way back to the
 * CRM's own order) and the keys it answers to.
 */
export function TableHint({
  sortWords,
  defaultOrder,
  onNewestFirst,
  canSelect,
  searchKey = false,
}: {
  /** "sorted by name, A to Z", or null for the CRM's own order. */
  sortWords: string | null;
  /** What "newest first" means for these records, e.g. "the CRM lists jobs in the order they were created". */
  defaultOrder: string;
  onNewestFirst: () => void;
  canSelect: boolean;
  /** Whether "/" jumps to the table's search box. */
  searchKey?: boolean;
}) {
  const key = (label: string) => <kbd className="rounded border border-slate-300 px-1 text-xs">{label}</kbd>;
  return (
    <p className="text-sm text-slate-600">
      {sortWords ? (
        <>
          Sorted by {sortWords.slice("sorted by ".length)}: press a column&apos;s header to sort by it.{" "}
          <button type="button" className="font-medium text-brand-700 underline" onClick={onNewestFirst}>
            Newest first
          </button>
          .{" "}
        </>
      ) : (
        <>Newest first: {defaultOrder}. Press a column&apos;s header to sort by it. </>
      )}
      <span className="hidden sm:inline">
        {searchKey ? <>Press {key("/")} to search, </> : null}
        {key("↑")} {key("↓")} to move,
        {canSelect ? " Space to select," : ""} Enter to open.
      </span>
    </p>
  );
}
