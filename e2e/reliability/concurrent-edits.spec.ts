import { newIdempotencyKey } from "../support/dashboard-api";
import { expect, test } from "../support/fixtures";

/**
 * Two people save the same record at the same moment from the same version:
 * one wins, the other gets 409 with the record as the winner left it. Never
 * two 200s (a silent overwrite).
 */
test("concurrent edits of one customer: exactly one wins, the other gets 409 with the current record", async ({ staffApi, adminApi, sandbox }) => {
  for (let round = 0; round < 10; round += 1) {
    const created = (
      await (
        await staffApi.post("/api/customers", {
          headers: { "Idempotency-Key": newIdempotencyKey() },
          data: { first_name: "Connie", last_name: `Current${String.fromCharCode(97 + round)}`, phone: "206-555-0111", confirm_duplicate: true },
        })
      ).json()
    ).data;
    const [first, second] = await Promise.all(
      [staffApi, adminApi].map((api, index) =>
        api.put(`/api/customers/${created.uuid}`, {
          headers: { "Idempotency-Key": newIdempotencyKey() },
          data: { notes: `written by editor ${index}`, expected_updated_at: created.updated_at },
        }),
      ),
    );
    const statuses = [first!.status(), second!.status()].sort();
    expect(statuses, `round ${round}`).toEqual([200, 409]);
    const loser = first!.status() === 409 ? first! : second!;
    const winnerNotes = first!.status() === 200 ? "written by editor 0" : "written by editor 1";
    expect((await loser.json()).current.notes).toBe(winnerNotes);
    expect((await sandbox.get<{ notes: string }>(`/customers/${created.uuid}`)).notes).toBe(winnerNotes);
  }
});
