import { describe, expect, it } from "vitest";
import { deleteFailureReason, deleteRows, intentKeys, restoreRows } from "@/lib/bulk/bulk-delete";
import { ApiRequestError } from "@/lib/http/api-fetch";

interface Row {
  uuid: string;
  name: string;
}

const rows: Row[] = ["a", "b", "c", "d"].map((uuid) => ({ uuid, name: `Name ${uuid}` }));
const id = (row: Row) => row.uuid;

describe("deleteRows", () => {
  it("splits the rows into deleted and failed, with each failure's reason", async () => {
    const report = await deleteRows(
      {
        id,
        remove: (uuid) => {
          if (uuid === "b") return Promise.reject(new ApiRequestError(503, "crm_unavailable", "The CRM is not answering right now. Try again in a moment."));
          if (uuid === "d") return Promise.reject(new ApiRequestError(404, "not_found", "The CRM has no such record. It may have been deleted."));
          return Promise.resolve();
        },
      },
      rows,
      intentKeys(),
    );
    expect(report.deleted.map(id)).toEqual(["a", "c"]);
    expect(report.failed).toEqual([
      { row: rows[1], reason: "The CRM is not answering right now. Try again in a moment." },
      { row: rows[3], reason: "It was already deleted (perhaps by someone else) or no longer exists." },
    ]);
  });

  it("sends the same key for the same record when tried again, and different keys for different records", async () => {
    const sent: Array<[string, string]> = [];
    const keyFor = intentKeys();
    const remove = (uuid: string, key: string) => {
      sent.push([uuid, key]);
      return Promise.reject(new Error("lost"));
    };
    const first = await deleteRows({ id, remove }, rows, keyFor);
    await deleteRows(
      { id, remove },
      first.failed.map((failure) => failure.row),
      keyFor,
    );

    const keysOf = (uuid: string) => new Set(sent.filter(([sentFor]) => sentFor === uuid).map(([, key]) => key));
    for (const row of rows) expect(keysOf(row.uuid).size).toBe(1);
    expect(new Set(sent.map(([, key]) => key)).size).toBe(rows.length);
    // A new intent (the dialog opened again) has new keys.
    expect(intentKeys()("a")).not.toBe(keyFor("a"));
  });

  it("reports progress as each record settles", async () => {
    const seen: number[] = [];
    await deleteRows({ id, remove: () => Promise.resolve() }, rows, intentKeys(), (progress) => seen.push(progress.done));
    expect(seen).toEqual([1, 2, 3, 4]);
  });
});

describe("restoreRows (Undo)", () => {
  it("counts a record that is no longer deleted (409 not_deleted) as restored, and other refusals as failures", async () => {
    const keys: string[] = [];
    const report = await restoreRows(
      {
        id,
        restore: (uuid, key) => {
          keys.push(key);
          if (uuid === "b")
            return Promise.reject(new ApiRequestError(409, "not_deleted", "Name b is not in the trash: it was already restored. Nothing was changed."));
          if (uuid === "c") return Promise.reject(new ApiRequestError(409, "conflict", "The same change is still being saved."));
          if (uuid === "d") return Promise.reject(new ApiRequestError(0, "network", "The dashboard could not be reached."));
          return Promise.resolve();
        },
      },
      rows,
    );
    expect(report.restored.map(id)).toEqual(["a", "b"]);
    expect(report.failed).toEqual([
      { row: rows[2], reason: "The same change is still being saved." },
      { row: rows[3], reason: "The dashboard could not be reached." },
    ]);
    expect(new Set(keys).size).toBe(rows.length);
  });
});

describe("deleteFailureReason", () => {
  it("says what the API said, and something plain for anything else", () => {
    expect(deleteFailureReason(new ApiRequestError(429, "usage_limit", "This month's CRM request allowance is used up."))).toBe(
      "This month's CRM request allowance is used up.",
    );
    expect(deleteFailureReason("boom")).toBe("Something went wrong.");
  });
});
