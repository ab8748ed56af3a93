/**
 * A long cell cut short with an ellipsis (one line, or two for text that
 * reads well wrapped, like an address), so a table fits its screen without
 * sideways scrolling. The whole text stays in the page (screen readers read
 * it, copying gets it) and shows on hover as the title; the record's page has
 * it in full. The column's width decides where it is cut.
 */
export function TruncatedCell({ text, lines = 1 }: { text: string | null | undefined; lines?: 1 | 2 }) {
  if (!text) return null;
  return (
    <span className={`block ${lines === 1 ? "truncate" : "line-clamp-2 break-words"}`} title={text}>
      {text}
    </span>
  );
}
