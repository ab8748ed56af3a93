export type Align = "left" | "right" | "center";

export interface Column<Row> {
  header: string;
  align?: Align;
  cell: (row: Row) => string;
}

const SEPARATOR: Record<Align, string> = { left: "---", right: "---:", center: ":---:" };

/** A GitHub-flavoured markdown table. Cells are escaped, so a value can never break the table's shape. */
export function markdownTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  if (columns.length === 0) throw new Error("a table needs at least one column");
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(" | ")} |`;
  return [
    line(columns.map((column) => column.header)),
    `| ${columns.map((column) => SEPARATOR[column.align ?? "left"]).join(" | ")} |`,
    ...rows.map((row) => line(columns.map((column) => column.cell(row)))),
  ].join("\n");
}

/** A two-column table of labels and values, for the run's facts. */
export function keyValueTable(entries: readonly (readonly [string, string])[]): string {
  return markdownTable<readonly [string, string]>(
    [
      { header: "", cell: ([label]) => label },
      { header: "", cell: ([, value]) => value },
    ],
    entries,
  );
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
