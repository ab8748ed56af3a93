/**
 * The fixed part of every sandbox company: its offices and its technicians.
 * Customers and jobs are demo data (seed/); this is set-up a real account
 * would already have, and tests need it even with zero demo records.
 */
export interface LocationTemplate {
  name: string;
  address1: string;
  address2: string | null;
  city: string;
  state: string;
  zip: string;
}

export const LOCATION_TEMPLATES: readonly LocationTemplate[] = [
  { name: "Main Office", address1: "1420 Westlake Ave N", address2: "Suite 200", city: "Seattle", state: "WA", zip: "98109" },
  { name: "North Warehouse", address1: "18620 Aurora Ave N", address2: null, city: "Shoreline", state: "WA", zip: "98133" },
  { name: "Eastside Shop", address1: "2250 140th Ave NE", address2: "Unit B", city: "Bellevue", state: "WA", zip: "98005" },
];

const FIRST_NAMES = [
  "Marcus",
  "Elena",
  "Darnell",
  "Priya",
  "Tomás",
  "Kayla",
  "Wei",
  "Jordan",
  "Aisha",
  "Brett",
  "Lucia",
  "Hector",
  "Nina",
  "Owen",
  "Rosa",
  "Samir",
] as const;
const LAST_NAMES = [
  "Alvarez",
  "Brooks",
  "Chen",
  "Duffy",
  "Estrada",
  "Fischer",
  "Gupta",
  "Hansen",
  "Ibarra",
  "Jensen",
  "Kowalski",
  "Lindqvist",
  "Moreno",
  "Nakamura",
  "Okafor",
  "Petrov",
] as const;

const TECHNICIAN_COUNT = 8;

/**
 * Technician names chosen by the company key's hash, so each company has its
 * own crew and a restart picks the same names again.
 */
export function technicianNames(keyHash: string): Array<{ firstName: string; lastName: string }> {
  const firstStart = parseInt(keyHash.slice(0, 4), 16);
  const lastStart = parseInt(keyHash.slice(4, 8), 16);
  return Array.from({ length: TECHNICIAN_COUNT }, (_, index) => ({
    // Consecutive first names: eight distinct ones, so no two technicians share a full name.
    firstName: FIRST_NAMES[(firstStart + index) % FIRST_NAMES.length] ?? "Alex",
    lastName: LAST_NAMES[(lastStart + index * 3) % LAST_NAMES.length] ?? "Smith",
  }));
}
