import { describe, expect, it } from "vitest";
import { escapeCsvCell, toCsv, UTF8_BOM, type CsvColumn } from "@/lib/csv/to-csv";

describe("escapeCsvCell", () => {
  it("leaves plain text alone", () => {
    expect(escapeCsvCell("Marta Zed")).toBe("Marta Zed");
  });

  it("quotes commas, quotes and line breaks, doubling the quotes", () => {
    expect(escapeCsvCell("Smith, Jones & Co")).toBe('"Smith, Jones & Co"');
    expect(escapeCsvCell('The "big" house')).toBe('"The ""big"" house"');
    expect(escapeCsvCell("gate code 1234\nback door")).toBe('"gate code 1234\nback door"');
    expect(escapeCsvCell("line\r\nbreak")).toBe('"line\r\nbreak"');
  });

  it("writes empty cells for null and undefined, Yes/No for booleans, numbers as numbers", () => {
    expect(escapeCsvCell(null)).toBe("");
    expect(escapeCsvCell(undefined)).toBe("");
    expect(escapeCsvCell(true)).toBe("Yes");
    expect(escapeCsvCell(false)).toBe("No");
    expect(escapeCsvCell(1250.5)).toBe("1250.5");
    expect(escapeCsvCell(Number.NaN)).toBe("");
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(escapeCsvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(escapeCsvCell("+1 206")).toBe("'+1 206");
    expect(escapeCsvCell("-5")).toBe("'-5");
    expect(escapeCsvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(escapeCsvCell("206-555-1234")).toBe("206-555-1234");
  });

  it("keeps non-ASCII text as is", () => {
    expect(escapeCsvCell("Zoë Ørsted")).toBe("Zoë Ørsted");
  });
});

describe("toCsv", () => {
  const columns: CsvColumn<{ name: string; vip: boolean; notes: string | null }>[] = [
    { header: "Name", value: (row) => row.name },
    { header: "VIP", value: (row) => row.vip },
    { header: "Notes", value: (row) => row.notes },
  ];

  it("starts with a UTF-8 byte-order mark and ends records with CRLF", () => {
    const csv = toCsv(columns, [
      { name: "Zoë", vip: true, notes: null },
      { name: "Lee, Ann", vip: false, notes: 'says "hi"' },
    ]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe('Name,VIP,Notes\r\nZoë,Yes,\r\n"Lee, Ann",No,"says ""hi"""\r\n');
  });

  it("writes only the header for no rows, and can leave out the BOM", () => {
    expect(toCsv(columns, [], { bom: false })).toBe("Name,VIP,Notes\r\n");
  });
});
