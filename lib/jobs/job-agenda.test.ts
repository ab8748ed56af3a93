import { describe, expect, it } from "vitest";
import { splitAgenda, toAgendaJob } from "@/lib/jobs/job-agenda";
import type { JobListItem } from "@/lib/jobs/job-types";
import type { AgendaJob } from "@/lib/overview/overview-types";

function agenda(uuid: string, extra: Partial<AgendaJob>): AgendaJob {
  return {
    uuid,
    jobNumber: null,
    title: uuid,
    status: "Scheduled",
    priority: "Normal",
    isUrgent: false,
    isEmergency: false,
    scheduledDate: null,
    timeStart: null,
    timeEnd: null,
    customerName: "A B",
    assigneeName: null,
    ...extra,
  };
}

describe("the day at a glance", () => {
  const jobs = [
    agenda("late-afternoon", { scheduledDate: "2026-03-10", timeStart: "15:00" }),
    agenda("morning", { scheduledDate: "2026-03-10", timeStart: "08:00" }),
    agenda("missed", { scheduledDate: "2026-03-08" }),
    agenda("started-late", { scheduledDate: "2026-03-07", status: "In Progress" }),
    agenda("tomorrow", { scheduledDate: "2026-03-11" }),
    agenda("urgent", { isUrgent: true }),
    agenda("emergency", { priority: "Emergency", scheduledDate: "2026-03-12" }),
  ];

  it("lists today's visits by start time", () => {
    expect(splitAgenda(jobs, "2026-03-10").today.map((job) => job.uuid)).toEqual(["morning", "late-afternoon"]);
  });

  it("calls a past visit overdue only while nobody has started", () => {
    expect(splitAgenda(jobs, "2026-03-10").overdue.map((job) => job.uuid)).toEqual(["missed"]);
  });

  it("puts emergencies before urgent jobs", () => {
    expect(splitAgenda(jobs, "2026-03-10").urgent.map((job) => job.uuid)).toEqual(["emergency", "urgent"]);
  });

  it("keeps only jobs that belong in a list, with names rather than ids", () => {
    const base = {
      uuid: "u",
      job_number: "JOB-0001",
      title: "Fix",
      priority: "Normal",
      is_urgent: false,
      is_emergency: false,
      scheduled_date: null,
      scheduled_time_start: null,
      scheduled_time_end: null,
      customer: { uuid: "c", first_name: "Ann", last_name: "Lee" },
      assigned_user: null,
    } as unknown as JobListItem;
    expect(toAgendaJob(base, "New")).toBeNull();
    expect(toAgendaJob({ ...base, scheduled_date: "2026-03-10T00:00:00.000Z" }, "Scheduled")).toMatchObject({
      scheduledDate: "2026-03-10",
      customerName: "Ann Lee",
      assigneeName: null,
    });
    expect(toAgendaJob({ ...base, is_emergency: true }, "New")).not.toBeNull();
  });
});
