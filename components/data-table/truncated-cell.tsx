/**
 * A long cell cut to one line with an ellipsis, so a table fits its screen
 * without sideways scrolling. The whole text stays in the page (screen readers
 * read it, copying gets it) and shows on hover as the title; the record's page
 * has it in full. `className` sets the cell's widest width (e.g. "max-w-56").
 */
export function TruncatedCell({ text, className }: { text: string | null | undefined; className: string }) {
  if (!text) return null;
  return (
    <span className={`block truncate ${className}`} title={text}>
      {text}
    </span>
  );
}
