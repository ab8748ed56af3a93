import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { expect, test } from "../support/fixtures";

/**
 * The CRM has no users endpoint: a staff member appears in the assignee lists
 * once seen on a job, or as soon as an admin links their account to their CRM
 * user id. Linking is validated on its field, one account per CRM user.
 */
test.use({ storageState: storageStatePath("admin") });

async function newStaffAccount(adminApi: APIRequestContext, name: string): Promise<{ id: string; name: string }> {
  const response = await adminApi.post("/api/admin/users", {
    data: { name, email: `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@e2e.example`, role: "staff", password: "a-long-enough-password" },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).data as { id: string; name: string };
}

test("an admin links a staff account to a CRM user id; the person is then in the assignee lists, by name", async ({ page, adminApi }) => {
  const stamp = Date.now().toString(36);
  const tech = await newStaffAccount(adminApi, `Tess Tech ${stamp}`);
  const other = await newStaffAccount(adminApi, `Otto Other ${stamp}`);
  const crmUserId = randomUUID();
  try {
    await page.goto("/admin/users");
    const row = page.getByRole("row").filter({ hasText: tech.name });
    await expect(row).toContainText("Not linked");
    await row.getByRole("button", { name: `Link the CRM user of ${tech.name}` }).click();
    const dialog = page.getByRole("dialog", { name: `CRM user for ${tech.name}` });
    await dialog.getByLabel("CRM user", { exact: true }).selectOption({ label: "Someone on no recent job: enter their id" });
    await dialog.getByLabel("CRM user id").fill("not-an-id");
    await dialog.getByRole("button", { name: "Link", exact: true }).click();
    await expect(dialog.getByLabel("CRM user id")).toHaveAccessibleDescription(/Use the CRM user's id, a UUID/);
    await dialog.getByLabel("CRM user id").fill(crmUserId.toUpperCase());
    await dialog.getByRole("button", { name: "Link", exact: true }).click();
    await expect(page.getByRole("status")).toContainText(`${tech.name} is linked to a CRM user and can be assigned jobs.`);
    await expect(row).toContainText("Linked");

    // The same CRM user can't be someone else's too.
    const otherRow = page.getByRole("row").filter({ hasText: other.name });
    await otherRow.getByRole("button", { name: `Link the CRM user of ${other.name}` }).click();
    const otherDialog = page.getByRole("dialog", { name: `CRM user for ${other.name}` });
    await otherDialog.getByLabel("CRM user", { exact: true }).selectOption({ label: "Someone on no recent job: enter their id" });
    await otherDialog.getByLabel("CRM user id").fill(crmUserId);
    await otherDialog.getByRole("button", { name: "Link", exact: true }).click();
    await expect(otherDialog.getByLabel("CRM user id")).toHaveAccessibleDescription(`Already linked to ${tech.name}. Unlink them first.`);
    await otherDialog.getByRole("button", { name: "Cancel" }).click();

    // In the job filters, by name, never as a raw id.
    await page.goto("/jobs");
    const assignee = page.getByLabel("Assigned to");
    await expect(assignee.getByRole("option", { name: tech.name })).toHaveAttribute("value", crmUserId);
    await expect(assignee).not.toContainText(crmUserId);
    // And it is in the audit log.
    const audit = await adminApi.get(`/api/audit?resource=user&resource_id=${tech.id}`);
    expect(JSON.stringify((await audit.json()).data)).toContain("crm_user_link");
  } finally {
    for (const account of [tech, other]) await adminApi.patch(`/api/admin/users/${account.id}`, { data: { crm_user_id: null, active: false } });
  }
  // Unlinked (and deactivated): gone from the lists.
  await page.goto("/jobs");
  await expect(page.getByLabel("Assigned to").getByRole("option", { name: tech.name })).toHaveCount(0);
});
