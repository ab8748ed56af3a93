import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCompanySetup } from "../../companies";
import type { ApiClient, Json } from "../../testing/api-client";
import { startTestSandbox, type TestSandbox } from "../../testing/test-sandbox";

// CRM-API decision 1: locations are list and get only. They and the
// technicians are company set-up, present even without demo data.
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
let sandbox: TestSandbox;
let api: ApiClient;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  api = sandbox.client();
});
afterAll(() => sandbox?.close());

describe("locations", () => {
  it("lists the company's offices newest first with pagination", async () => {
    const response = await api.get("/locations");
    expect(response.status).toBe(200);
    const { locations, pagination } = response.body.data;
    expect(pagination).toEqual({ page: 1, limit: 50, total: 3, total_pages: 1 });
    expect(locations.map((location: Json) => location.name)).toEqual(["Eastside Shop", "North Warehouse", "Main Office"]);
    expect(Object.keys(locations[0])).toEqual(["uuid", "name", "address1", "address2", "city", "state", "zip", "created_at", "updated_at", "deleted_at"]);
    expect(locations[2]).toMatchObject({ name: "Main Office", city: "Seattle", state: "WA", zip: "98109", deleted_at: null });
    expect(locations[2].created_at).toMatch(ISO_MS);
  });

  it("pages and validates page, limit and include_deleted", async () => {
    expect((await api.get("/locations?limit=1&page=2")).body.data.locations.map((location: Json) => location.name)).toEqual(["North Warehouse"]);
    expect((await api.get("/locations?page=5")).body.data).toEqual({ locations: [], pagination: { page: 5, limit: 50, total: 3, total_pages: 1 } });
    expect((await api.get("/locations?limit=0")).status).toBe(400);
    expect((await api.get("/locations?include_deleted=nope")).status).toBe(400);
    expect((await api.get("/locations?include_deleted=true")).body.data.pagination.total).toBe(3);
  });

  it("gets one location, 400 for a malformed UUID, 404 for an unknown one", async () => {
    const first = (await api.get("/locations")).body.data.locations[0];
    expect((await api.get(`/locations/${first.uuid}`)).body).toEqual({ success: true, data: first });
    expect((await api.get("/locations/abc")).body).toEqual({ success: false, error: "Invalid location UUID" });
    expect((await api.get("/locations/123e4567-e89b-12d3-a456-426614174000")).body).toEqual({ success: false, error: "Location not found" });
  });

  it("shows a deleted location only with include_deleted=true", async () => {
    const [location] = (await api.get("/locations?limit=1")).body.data.locations;
    await sandbox.db.query("update locations set deleted_at = now() where uuid = $1", [location.uuid]);
    try {
      expect((await api.get(`/locations/${location.uuid}`)).status).toBe(404);
      expect((await api.get(`/locations/${location.uuid}?include_deleted=true`)).body.data.deleted_at).toMatch(ISO_MS);
      expect((await api.get("/locations")).body.data.pagination.total).toBe(2);
      expect((await api.get("/locations?include_deleted=true")).body.data.pagination.total).toBe(3);
    } finally {
      await sandbox.db.query("update locations set deleted_at = null where uuid = $1", [location.uuid]);
    }
  });

  it("offers no writes", async () => {
    expect((await api.post("/locations", { name: "New" })).status).toBe(405);
    const [location] = (await api.get("/locations?limit=1")).body.data.locations;
    expect((await api.put(`/locations/${location.uuid}`, { name: "Renamed" })).status).toBe(405);
    expect((await api.delete(`/locations/${location.uuid}`)).status).toBe(405);
  });
});

describe("company set-up", () => {
  it("gives every company eight technicians with distinct names, derived from its key", async () => {
    const { users } = await sandbox.setUp();
    expect(users).toHaveLength(8);
    expect(new Set(users.map((user) => `${user.first_name} ${user.last_name}`)).size).toBe(8);
    expect(users.every((user) => user.role === "technician")).toBe(true);
  });

  it("does not duplicate set-up when a company is ensured again", async () => {
    const key = sandbox.apiKeys[0]!;
    const before = await sandbox.setUp(key);
    const again = await sandbox.addCompany(key, "ignored name");
    expect(again.uuid).toBe(sandbox.companies[0]!.uuid);
    expect(again.name).toBe("Demo Plumbing & HVAC");
    expect(await getCompanySetup(sandbox.db, again.uuid)).toEqual(before);
  });
});
