import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../sandbox/src/testing/test-sandbox";
import { crm, sandboxUsage } from "../mirror/mirror-support";

/**
 * GET /api/schedule through the real auth stack, on a mirror filled by a
 * full pass from a real sandbox: what a week and a day hold, the tray, the
 * lanes' people, that showing it costs no CRM request, and the 400s.
 */
let sandbox: TestSandbox;
const ORIGIN = "http://localhost:3000";
const sessions = { admin: "", viewer: "" };
const technicians: Array<{ id: string; first_name: string; last_name: string }> = [];
const jobs: Record<string, { uuid: string; job_number: string }> = {};

// A week far from the seed's dates: Monday 2031-03-10 to Sunday 2031-03-16.
const MONDAY = "2031-03-10";
const WEDNESDAY = "2031-03-12";

beforeAll(async () => {
  sandbox = await startTestSandbox({ monthlyQuota: 1_000_000 });
  process.env.CRM_BASE_URL = sandbox.apiUrl;
  process.env.CRM_API_KEY = sandbox.apiKeys[0];
  process.env.APP_DATA_DIR = "memory";
  process.env.APP_URL = ORIGIN;
  process.env.ADMIN_EMAIL = "schedule-admin@example.com";
  process.env.ADMIN_PASSWORD = "schedule-admin-password";
  process.env.MIRROR_SYNC = "off";
  process.env.LOG_LEVEL = "silent";
  const { ensureFirstAdmin } = await import("@/lib/auth/first-admin.server");
  const { signIn } = await import("@/lib/auth/sign-in.server");
  const { getCurrentUser } = await import("@/lib/auth/current-user.server");
  const { createUser, updateUser } = await import("@/lib/users/manage-users.server");
  const { changeOwnPassword } = await import("@/lib/account/change-password.server");
  await ensureFirstAdmin();
  const login = async (email: string, password: string) => {
    const result = await signIn({ email, password, ip: "203.0.113.10", requestId: "t", headers: new Headers({ "user-agent": "vitest" }) });
    if (!result.ok) throw new Error(result.message);
    return result.setCookies[0]!.split(";")[0]!;
  };
  sessions.admin = await login("schedule-admin@example.com", "schedule-admin-password");
  const actor = (await getCurrentUser(new Headers({ cookie: sessions.admin })))!;
  const adminContext = { actor, requestId: "t", headers: new Headers({ cookie: sessions.admin }) };
  const viewer = await createUser(
    { name: "Vera Viewer", email: "schedule-viewer@example.com", role: "viewer", password: "schedule-viewer-password" },
    adminContext,
  );
  const temporary = await login("schedule-viewer@example.com", "schedule-viewer-password");
  const person = (await getCurrentUser(new Headers({ cookie: temporary })))!;
  await changeOwnPassword(
    { current_password: "schedule-viewer-password", new_password: "schedule-viewer-own-password", confirm_password: "schedule-viewer-own-password" },
    { user: person, requestId: "t", headers: new Headers({ cookie: temporary }) },
  );
  sessions.viewer = await login("schedule-viewer@example.com", "schedule-viewer-own-password");

  const { users } = await sandbox.setUp();
  technicians.push(...users.map((user) => ({ id: user.id, first_name: user.first_name, last_name: user.last_name })));
  // The viewer's account is linked to a technician who has no job yet: a lane all the same.
  await updateUser(viewer.id, { crm_user_id: technicians[5]!.id }, adminContext);

  const customer = await crm(sandbox, "POST", "/customers", { first_name: "Sched", last_name: "Ule", phone: "206-555-0100" });
  const job = async (name: string, fields: Record<string, unknown>) => {
    const created = await crm(sandbox, "POST", "/jobs", { customer_uuid: customer.uuid, title: `Schedule ${name}`, ...fields });
    jobs[name] = { uuid: created.uuid as string, job_number: created.job_number as string };
  };
  const [first, second] = [technicians[0]!.id, technicians[1]!.id];
  await job("mondayMorning", {
    scheduled_date: MONDAY,
    scheduled_time_start: "09:00",
    scheduled_time_end: "11:00",
    assigned_to_user_id: first,
    estimated_amount: 400,
  });
  await job("wednesdayA", {
    scheduled_date: WEDNESDAY,
    scheduled_time_start: "08:00",
    scheduled_time_end: "10:00",
    assigned_to_user_id: second,
    estimated_amount: 250,
  });
  await job("wednesdayB", { scheduled_date: WEDNESDAY, scheduled_time_start: "13:00", assigned_to_user_id: second });
  await job("wednesdayUnassigned", { scheduled_date: WEDNESDAY });
  await job("nextWeek", { scheduled_date: "2031-03-17", assigned_to_user_id: first });
  await job("trayOpen", { status: "Estimate Approved", priority: "Emergency" });
  await job("trayDone", { status: "Complete" });
  await job("trayInvoiced", { status: "Invoiced" });

  const run = await import("@/app/api/sync/run/route");
  const { syncRunner } = await import("@/lib/mirror/sync-runner.server");
  expect((await run.POST(request("/api/sync/run", "admin", "POST"), context)).status).toBe(202);
  await syncRunner().settled();
}, 120_000);

afterAll(async () => {
  await sandbox.close();
});

function request(path: string, who: keyof typeof sessions | null, method = "GET") {
  const headers: Record<string, string> = { origin: ORIGIN };
  if (who) headers.cookie = sessions[who];
  return new Request(`${ORIGIN}${path}`, { method, headers });
}
const context = { params: Promise.resolve({}) };

interface ScheduleBody {
  success: boolean;
  data: {
    view: string;
    from: string;
    to: string;
    days: string[];
    technicians: Array<{ id: string; name: string }>;
    jobs: Array<{
      uuid: string;
      scheduled_date: string;
      scheduled_time_start: string | null;
      assigned_to_user_id: string | null;
      estimated_amount: number | null;
    }>;
    tray: { jobs: Array<{ uuid: string; status: string }>; total: number };
    asOf: { lastFullPassAt: string | null };
  };
}

async function schedule(query: string, who: keyof typeof sessions = "viewer") {
  const route = await import("@/app/api/schedule/route");
  return route.GET(request(`/api/schedule${query}`, who), context);
}

describe("GET /api/schedule", () => {
  it("answers a week from the mirror, Monday to Sunday, with the tray and everyone's lanes, at no CRM request", async () => {
    const before = await sandboxUsage(sandbox);
    const response = await schedule(`?view=week&date=${WEDNESDAY}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as ScheduleBody;
    expect(await sandboxUsage(sandbox)).toBe(before);

    expect(body.data).toMatchObject({ view: "week", from: MONDAY, to: "2031-03-16" });
    expect(body.data.days).toEqual(["2031-03-10", "2031-03-11", "2031-03-12", "2031-03-13", "2031-03-14", "2031-03-15", "2031-03-16"]);
    const shown = new Map(body.data.jobs.map((job) => [job.uuid, job]));
    expect([...shown.keys()].sort()).toEqual([jobs.mondayMorning!.uuid, jobs.wednesdayA!.uuid, jobs.wednesdayB!.uuid, jobs.wednesdayUnassigned!.uuid].sort());
    expect(shown.get(jobs.mondayMorning!.uuid)).toMatchObject({
      scheduled_date: MONDAY,
      scheduled_time_start: "09:00",
      assigned_to_user_id: technicians[0]!.id,
      estimated_amount: 400,
    });
    expect(shown.get(jobs.wednesdayUnassigned!.uuid)).toMatchObject({ scheduled_date: WEDNESDAY, assigned_to_user_id: null });
    // Only what the schedule shows and moves with: a busy week carries a thousand of these.
    expect(Object.keys(shown.get(jobs.mondayMorning!.uuid) ?? {}).sort()).toEqual(
      [
        "assigned_to_user_id",
        "assignee_name",
        "customer_name",
        "estimated_amount",
        "is_emergency",
        "is_urgent",
        "job_number",
        "priority",
        "scheduled_date",
        "scheduled_time_end",
        "scheduled_time_start",
        "status",
        "title",
        "updated_at",
        "uuid",
      ].sort(),
    );

    // The tray: open jobs with no date; Complete and Invoiced ones are done, not waiting.
    const tray = body.data.tray.jobs.map((job) => job.uuid);
    expect(tray).toContain(jobs.trayOpen!.uuid);
    expect(tray).not.toContain(jobs.trayDone!.uuid);
    expect(tray).not.toContain(jobs.trayInvoiced!.uuid);
    expect(body.data.tray.total).toBe(tray.length);

    // People seen on jobs by their CRM names, and the linked account under its dashboard name.
    const names = new Map(body.data.technicians.map((person) => [person.id, person.name]));
    expect(names.get(technicians[0]!.id)).toBe(`${technicians[0]!.first_name} ${technicians[0]!.last_name}`);
    expect(names.get(technicians[1]!.id)).toBe(`${technicians[1]!.first_name} ${technicians[1]!.last_name}`);
    expect(names.get(technicians[5]!.id)).toBe("Vera Viewer");
    expect(names.has(technicians[7]!.id)).toBe(false);
    expect(body.data.asOf.lastFullPassAt).not.toBeNull();
  });

  it("answers a day, today when no date is given, and one technician's or the unassigned jobs", async () => {
    const day = (await (await schedule(`?view=day&date=${WEDNESDAY}`)).json()) as ScheduleBody;
    expect(day.data).toMatchObject({ view: "day", from: WEDNESDAY, to: WEDNESDAY, days: [WEDNESDAY] });
    expect(day.data.jobs.map((job) => job.uuid).sort()).toEqual([jobs.wednesdayA!.uuid, jobs.wednesdayB!.uuid, jobs.wednesdayUnassigned!.uuid].sort());

    const mine = (await (await schedule(`?view=week&date=${MONDAY}&technician=${technicians[1]!.id.toUpperCase()}`)).json()) as ScheduleBody;
    expect(mine.data.jobs.map((job) => job.uuid).sort()).toEqual([jobs.wednesdayA!.uuid, jobs.wednesdayB!.uuid].sort());
    const nobody = (await (await schedule(`?view=week&date=${MONDAY}&technician=unassigned`)).json()) as ScheduleBody;
    expect(nobody.data.jobs.map((job) => job.uuid)).toEqual([jobs.wednesdayUnassigned!.uuid]);

    const today = (await (await schedule("")).json()) as ScheduleBody;
    expect(today.data.view).toBe("week");
    expect(today.data.days).toContain(new Date().toISOString().slice(0, 10));
  });

  it("refuses what it does not offer with a 400 naming the allowed values", async () => {
    const cases: Array<[string, string, RegExp]> = [
      ["?view=month", "view", /Allowed: day, week/],
      [`?view=week&date=2031-02-30`, "date", /YYYY-MM-DD/],
      [`?date=12/03/2031`, "date", /YYYY-MM-DD/],
      [`?view=day&status=New`, "status", /Allowed: view, date, technician/],
      [`?technician=bob`, "technician", /team member's id or "unassigned"/],
      [`?view=day&view=week`, "view", /more than once/],
    ];
    for (const [query, field, message] of cases) {
      const response = await schedule(query);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { success: boolean; code: string; error: string; fields: Record<string, string>; request_id: string };
      expect(body, query).toMatchObject({ success: false, code: "validation", request_id: expect.any(String) });
      expect(body.fields[field], query).toMatch(message);
    }
  });

  it("is for signed-in people only", async () => {
    const route = await import("@/app/api/schedule/route");
    expect((await route.GET(request("/api/schedule", null), context)).status).toBe(401);
  });
});
