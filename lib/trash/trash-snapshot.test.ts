import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerSnapshot, jobSnapshot, trashSearchTerm } from "@/lib/trash/trash-snapshot";

const customer = {
  uuid: "0b8e4a8e-1c1e-4a53-9a8e-2f6f7a1d9c01",
  first_name: "Ana",
  last_name: "Ruiz",
  company_name: "Ruiz Bakery",
  email: "ana@ruiz.example",
  phone: "206-555-0142",
  physical_city: "Seattle",
};

describe("what the trash keeps of a record", () => {
  it("labels a customer by name, or by company when unnamed", () => {
    expect(customerSnapshot(customer).label).toBe("Ana Ruiz");
    expect(customerSnapshot({ ...customer, first_name: "", last_name: "" }).label).toBe("Ruiz Bakery");
  });

  it("finds a customer by any part of name, company, email, phone as typed or as digits, and uuid", () => {
    const text = customerSnapshot(customer).searchText;
    for (const term of ["ana ruiz", "bakery", "ana@ruiz", "206-555", "2065550142", "(206) 555-0142", customer.uuid]) {
      expect(text.includes(trashSearchTerm(term)), term).toBe(true);
    }
  });

  it("finds a job by title, job number and customer name", () => {
    const job = {
      uuid: "6a1f0b9e-0e3b-4c6b-9d7a-0c5e8f1a2b3c",
      job_number: "JOB-0042",
      title: "Boiler flush",
      status: "Scheduled",
      scheduled_date: "2026-12-01T00:00:00.000Z",
      customer: { uuid: customer.uuid, first_name: "Ana", last_name: "Ruiz" },
    };
    const snapshot = jobSnapshot(job);
    expect(snapshot.summary).toMatchObject({ job_number: "JOB-0042", status: "Scheduled", scheduled_date: "2026-12-01", customer_name: "Ana Ruiz" });
    for (const term of ["boiler", "JOB-0042", "0042", "ana ruiz"]) expect(snapshot.searchText.includes(trashSearchTerm(term)), term).toBe(true);
  });

  it("never matches across two fields (a term spanning the end of one and the start of the next)", () => {
    const text = customerSnapshot(customer).searchText;
    expect(text.includes(trashSearchTerm("ruiz ruiz bakery"))).toBe(false);
  });

  it("search terms are lower-case, and phone-like terms are compared as digits", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        const term = trashSearchTerm(raw);
        expect(term).toBe(term.toLowerCase());
        expect(term).toBe(term.trim());
      }),
    );
    expect(trashSearchTerm(" +1 (206) 555-0142 ")).toBe("2065550142");
    expect(trashSearchTerm("Suite 12")).toBe("suite 12");
  });
});
