/**
 * Synthetic customers and jobs written straight into the CRM mirror (no CRM),
 * for the query half of bench/mirror.ts: deterministic, Washington addresses,
 * about 3% deleted, tags and lead sources in internal_flags like the dashboard
 * writes them.
 */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
const FIRST = [
  "James",
  "Mary",
  "Robert",
  "Patricia",
  "John",
  "Jennifer",
  "Michael",
  "Linda",
  "David",
  "Elizabeth",
  "William",
  "Barbara",
  "Maria",
  "Luis",
  "Mei",
  "Aisha",
  "Omar",
  "Noah",
  "Emma",
  "Olivia",
];
const LAST = [
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Garcia",
  "Miller",
  "Davis",
  "Rodriguez",
  "Martinez",
  "Hernandez",
  "Lopez",
  "Gonzalez",
  "Wilson",
  "Anderson",
  "Thomas",
  "Taylor",
  "Moore",
  "Jackson",
  "Martin",
  "Lee",
  "Nguyen",
  "Okafor",
  "Kowalski",
];
const STREETS = [
  "Maple",
  "Oak",
  "Pine",
  "Cedar",
  "Elm",
  "Lakeview",
  "Hillcrest",
  "Sunset",
  "Park",
  "Washington",
  "Lincoln",
  "Madison",
  "Jefferson",
  "Highland",
  "Riverside",
  "Meadow",
  "Forest",
  "Spring",
  "Willow",
  "Chestnut",
];
const KINDS = ["St", "Ave", "Rd", "Ln", "Dr", "Ct", "Way", "Blvd"];
const CITIES = [
  ["Seattle", "98101"],
  ["Tacoma", "98402"],
  ["Spokane", "99201"],
  ["Bellevue", "98004"],
  ["Everett", "98201"],
  ["Olympia", "98501"],
  ["Yakima", "98901"],
  ["Renton", "98055"],
  ["Kent", "98030"],
  ["Redmond", "98052"],
] as const;
const TAGS = ["gold", "boiler", "annual", "landlord", "slow-payer", "priority"];
const SOURCES = ["Google", "Referral", "Repeat customer", "Yard sign", "Facebook", "Nextdoor", "Yelp"];
const STATUSES = [
  "New",
  "Contacted",
  "Estimate Sent",
  "Estimate Approved",
  "Scheduled",
  "In Progress",
  "Needs Approval",
  "Ready to Invoice",
  "Invoiced",
  "Complete",
];
const PRIORITIES = ["Low", "Normal", "Normal", "Normal", "High", "Emergency"];

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export async function fillMirror(scope: string, customerCount: number, jobCount: number) {
  const { upsertCustomers, upsertJobs } = await import("@/lib/mirror/mirror-store.server");
  const random = prng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const base = Date.UTC(2024, 0, 1);
  const people: Array<{ uuid: string; first: string; last: string }> = [];
  const technicians = Array.from({ length: 25 }, () => ({ id: uuidFrom(random), first_name: pick(FIRST), last_name: pick(LAST) }));
  const now = new Date();
  for (let start = 0; start < customerCount; start += 1000) {
    const batch = [];
    for (let i = start; i < Math.min(customerCount, start + 1000); i += 1) {
      const [city, zip] = pick(CITIES);
      const created = new Date(base + i * 60_000).toISOString();
      const person = { uuid: uuidFrom(random), first: pick(FIRST), last: pick(LAST) };
      people.push(person);
      const address = `${1 + Math.floor(random() * 9999)} ${pick(STREETS)} ${pick(KINDS)}`;
      batch.push({
        uuid: person.uuid,
        first_name: person.first,
        last_name: person.last,
        company_name: random() < 0.2 ? `${person.last} Holdings` : null,
        email: random() < 0.85 ? `${person.first}.${person.last}${i}@example.com`.toLowerCase() : null,
        phone: random() < 0.9 ? `${200 + Math.floor(random() * 700)}-555-${String(1000 + (i % 9000)).padStart(4, "0")}` : null,
        customer_type: random() < 0.2 ? "Commercial" : "Residential",
        is_vip: random() < 0.08,
        physical_address1: address,
        physical_address2: null,
        physical_city: city,
        physical_state: "WA",
        physical_zip: zip,
        billing_address1: random() < 0.1 ? `PO Box ${Math.floor(random() * 9000)}` : address,
        billing_address2: null,
        billing_city: city,
        billing_state: "WA",
        billing_zip: zip,
        primary_service_location_uuid: null,
        notes: null,
        on_my_way_notify_via: null,
        internal_flags: {
          tradesdesk: {
            tags: random() < 0.3 ? [pick(TAGS)] : [],
            lead_source: pick(SOURCES),
            marketing_email_opt_in: random() < 0.4,
            marketing_sms_opt_in: random() < 0.3,
          },
        },
        created_at: created,
        updated_at: created,
        deleted_at: random() < 0.03 ? created : null,
      });
    }
    await upsertCustomers(scope, batch, now);
  }
  for (let start = 0; start < jobCount; start += 1000) {
    const batch = [];
    for (let i = start; i < Math.min(jobCount, start + 1000); i += 1) {
      const person = pick(people);
      const [city, zip] = pick(CITIES);
      const created = new Date(base + i * 20_000).toISOString();
      const scheduled = random() < 0.7 ? new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 700) * 86_400_000).toISOString() : null;
      const technician = random() < 0.75 ? pick(technicians) : null;
      batch.push({
        uuid: uuidFrom(random),
        job_number: `JOB-${String(i + 1).padStart(6, "0")}`,
        customer_uuid: person.uuid,
        location_uuid: null,
        assigned_to_user_id: technician?.id ?? null,
        title: `${pick(["Water heater", "Furnace", "Panel", "Drain", "AC unit", "Outlet"])} ${pick(["repair", "install", "inspection", "replacement"])}`,
        description: null,
        status: pick(STATUSES),
        priority: pick(PRIORITIES),
        is_urgent: random() < 0.05,
        is_emergency: random() < 0.02,
        service_address1: `${1 + Math.floor(random() * 9999)} ${pick(STREETS)} ${pick(KINDS)}`,
        service_address2: null,
        service_city: city,
        service_state: "WA",
        service_zip: zip,
        estimated_amount: Math.round(random() * 500_000) / 100,
        actual_amount: null,
        scheduled_date: scheduled,
        scheduled_time_start: scheduled ? `${String(7 + Math.floor(random() * 10)).padStart(2, "0")}:00` : null,
        scheduled_time_end: null,
        started_at: null,
        completed_at: null,
        invoiced_at: null,
        paid_at: null,
        internal_notes: null,
        customer_notes: null,
        customer: { uuid: person.uuid, first_name: person.first, last_name: person.last },
        assigned_user: technician,
        created_at: created,
        updated_at: created,
        deleted_at: random() < 0.03 ? created : null,
      });
    }
    await upsertJobs(scope, batch, now);
  }
  return { technician: technicians[0]!.id };
}
