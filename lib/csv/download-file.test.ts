import { describe, expect, it } from "vitest";
import { csvFileName } from "@/lib/csv/download-file";

describe("csvFileName", () => {
  it("joins the view's parts and the local date into a safe file name", () => {
    expect(csvFileName(["Customers", "vip", "O'Brien & Sons", undefined, ""], new Date(2025, 1, 8))).toBe("customers-vip-o-brien-sons-2025-02-08.csv");
  });
});
