import { describe, expect, it } from "vitest";
import { keyValueTable, markdownTable } from "../../bench/markdown";
import { parseTable } from "../../bench/sandbox-scale";

describe("markdownTable", () => {
  const rows = [
    { name: "list", p50: 1.25 },
    { name: "get", p50: 10 },
  ];

  it("writes a header, an alignment row and one line per row", () => {
    const table = markdownTable(
      [
        { header: "case", cell: (row: (typeof rows)[number]) => row.name },
        { header: "p50 ms", align: "right", cell: (row) => row.p50.toFixed(1) },
        { header: "ok", align: "center", cell: () => "yes" },
      ],
      rows,
    );
    expect(table).toBe(["| case | p50 ms | ok |", "| --- | ---: | :---: |", "| list | 1.3 | yes |", "| get | 10.0 | yes |"].join("\n"));
  });

  it("escapes pipes and flattens newlines, so a value cannot break the table", () => {
    const table = markdownTable([{ header: "a|b", cell: (row: string) => row }], ["x | y\nz"]);
    expect(table.split("\n")).toEqual(["| a\\|b |", "| --- |", "| x \\| y z |"]);
    expect(parseTable(table)).toEqual({ header: ["a|b"], rows: [["x | y z"]] });
  });

  it("writes only the header for no rows, and refuses no columns", () => {
    expect(markdownTable([{ header: "x", cell: (row: string) => row }], [])).toBe("| x |\n| --- |");
    expect(() => markdownTable([], [])).toThrow();
  });

  it("keyValueTable writes label and value pairs under an empty header", () => {
    expect(keyValueTable([["date", "2026-01-01"]])).toBe("|  |  |\n| --- | --- |\n| date | 2026-01-01 |");
  });
});

describe("parseTable (reading the sandbox scale report)", () => {
  it("reads the first table in the text, cells trimmed", () => {
    const text = "Intro\n\n| case | p50 ms |\n| --- | ---: |\n| jobs: list | 12.5 |\n| `GET /x` | 3.0 |\n\nAfter";
    expect(parseTable(text)).toEqual({
      header: ["case", "p50 ms"],
      rows: [
        ["jobs: list", "12.5"],
        ["`GET /x`", "3.0"],
      ],
    });
  });

  it("says so when there is no table", () => {
    expect(() => parseTable("no table here")).toThrow(/no markdown table/);
  });
});
