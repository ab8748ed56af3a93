/**
 * Records to ask for, read from the sandbox over its API before anything is
 * timed. Each part gets its own customers, so one part's cached reads never
 * make another part's requests look cheaper than they are.
 */
export interface SampleCustomer {
  uuid: string;
  first_name: string;
  last_name: string;
  phone: string;
}

export interface Samples {
  /** For the server-overhead GETs. */
  overheadCustomers: SampleCustomer[];
  /** Distinct last names to search for. */
  searchTerms: string[];
  /** Callers for the lookup-latency part, one lookup each. */
  lookupCallers: SampleCustomer[];
  /** A customer with several jobs, for the page-weight part's customer page. */
  customerWithJobs: SampleCustomer;
  /** Callers for the office sessions: two per session. */
  sessionCallers: SampleCustomer[];
}

interface RawCustomer {
  uuid: string;
  first_name: string;
  last_name: string;
  phone: string | null;
}

interface RawJob {
  customer: { uuid: string } | null;
  customer_uuid?: string;
}

export async function readSamples(apiUrl: string, apiKey: string, counts: { lookups: number; sessions: number }): Promise<Samples> {
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${apiKey}` } });
    const body = (await response.json()) as { success: boolean; data: T; error?: string };
    if (!response.ok || !body.success) throw new Error(`GET ${path} answered ${response.status}: ${body.error ?? ""}`);
    return body.data;
  };
  const first = await get<{ customers: RawCustomer[]; pagination: { total_pages: number } }>("/customers?limit=100&page=1");
  const lastPage = first.pagination.total_pages;
  const pages = [...new Set([2, Math.ceil(lastPage / 3), Math.ceil(lastPage / 2), Math.ceil((lastPage * 2) / 3), lastPage])].filter(
    (page) => page > 1 && page <= lastPage,
  );
  const customers = [...first.customers];
  for (const page of pages) customers.push(...(await get<{ customers: RawCustomer[] }>(`/customers?limit=100&page=${page}`)).customers);

  const seenPhones = new Set<string>();
  const withPhone: SampleCustomer[] = [];
  for (const customer of customers) {
    // A phone shared by two customers would make "the matching customer" ambiguous.
    if (!customer.phone || seenPhones.has(customer.phone)) continue;
    seenPhones.add(customer.phone);
    withPhone.push({ uuid: customer.uuid, first_name: customer.first_name, last_name: customer.last_name, phone: customer.phone });
  }
  // Interleave old and new records, as calls come from both.
  const mixed = [...withPhone.filter((_, index) => index % 2 === 0), ...withPhone.filter((_, index) => index % 2 === 1)];
  const take = (n: number) => {
    const taken = mixed.splice(0, n);
    if (taken.length < n) throw new Error(`the sandbox has too few customers with a phone for the samples (wanted ${n} more)`);
    return taken;
  };
  const overheadCustomers = take(20);
  const searchTerms = [...new Set(take(40).map((customer) => customer.last_name))].slice(0, 20);
  const lookupCallers = take(counts.lookups);
  const sessionCallers = take(2 * counts.sessions);

  const jobs = await get<{ jobs: RawJob[] }>("/jobs?limit=100&page=1");
  const jobCounts = new Map<string, number>();
  for (const job of jobs.jobs) {
    const uuid = job.customer?.uuid ?? job.customer_uuid;
    if (uuid) jobCounts.set(uuid, (jobCounts.get(uuid) ?? 0) + 1);
  }
  const busiest = [...jobCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!busiest) throw new Error("the sandbox has no jobs with a customer");
  const busiestCustomer = await get<RawCustomer>(`/customers/${busiest}`);
  return {
    overheadCustomers,
    searchTerms,
    lookupCallers,
    customerWithJobs: {
      uuid: busiestCustomer.uuid,
      first_name: busiestCustomer.first_name,
      last_name: busiestCustomer.last_name,
      phone: busiestCustomer.phone ?? "",
    },
    sessionCallers,
  };
}
