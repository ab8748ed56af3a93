/**
 * Curated word lists for people and businesses. Kept in the repository rather
 * than taken from a faker library so the seeded data never shifts when a
 * dependency's lists change. ASCII only: the names feed e-mail addresses.
 */
export const FIRST_NAMES: readonly string[] = [
  "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
  "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Christopher", "Karen",
  "Charles", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Sandra", "Mark", "Margaret",
  "Donald", "Ashley", "Steven", "Kimberly", "Andrew", "Emily", "Paul", "Donna", "Joshua", "Michelle",
  "Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Melissa", "George", "Deborah", "Timothy", "Stephanie",
  "Ronald", "Rebecca", "Jason", "Sharon", "Edward", "Laura", "Jeffrey", "Cynthia", "Ryan", "Dorothy",
  "Jacob", "Amy", "Gary", "Kathleen", "Nicholas", "Angela", "Eric", "Shirley", "Jonathan", "Emma",
  "Stephen", "Brenda", "Larry", "Pamela", "Justin", "Nicole", "Scott", "Anna", "Brandon", "Samantha",
  "Benjamin", "Katherine", "Samuel", "Christine", "Gregory", "Debra", "Alexander", "Rachel", "Patrick", "Carolyn",
  "Frank", "Janet", "Raymond", "Maria", "Jack", "Olivia", "Dennis", "Heather", "Jerry", "Helen",
  "Tyler", "Catherine", "Aaron", "Diane", "Jose", "Julie", "Adam", "Victoria", "Nathan", "Joyce",
  "Henry", "Lauren", "Zachary", "Kelly", "Douglas", "Christina", "Peter", "Ruth", "Kyle", "Joan",
  "Noah", "Virginia", "Ethan", "Judith", "Jeremy", "Evelyn", "Christian", "Hannah", "Walter", "Andrea",
  "Keith", "Megan", "Austin", "Cheryl", "Roger", "Jacqueline", "Terry", "Madison", "Sean", "Teresa",
  "Carlos", "Sofia", "Luis", "Isabella", "Miguel", "Gabriela", "Juan", "Camila", "Diego", "Valentina",
  "Wei", "Mei", "Hiroshi", "Yuki", "Raj", "Priya", "Arjun", "Ananya", "Minh", "Linh",
  "Jin", "Soo-jin", "Tariq", "Aisha", "Omar", "Fatima", "Dmitri", "Olga", "Kwame", "Amara",
];

export const LAST_NAMES: readonly string[] = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
  "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
  "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
  "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
  "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
  "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
  "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper",
  "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson",
  "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes",
  "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez",
  "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes",
  "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham", "Reynolds",
  "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera", "Gibson", "Ellis",
  "Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro", "Marshall", "Owens", "Harrison",
  "Fernandez", "McDonald", "Woods", "Washington", "Kennedy", "Wells", "Vargas", "Henry", "Chen", "Freeman",
  "Webb", "Tucker", "Guzman", "Burns", "Crawford", "Olson", "Simpson", "Porter", "Hunter", "Gordon",
  "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz", "Hunt", "Hicks", "Holmes",
  "O'Brien", "O'Connor", "Kowalski", "Nakamura", "Tanaka", "Yamamoto", "Wong", "Huang", "Park", "Choi",
  "Singh", "Shah", "Khan", "Ali", "Ivanov", "Novak", "Schmidt", "Muller", "Rossi", "Lindqvist",
  "Okafor", "Mensah", "Haddad", "Nassar", "Dubois", "Larsen", "Van Dyke", "De La Cruz", "St. James", "MacLeod",
];

/** First half of a business name: a place or a pleasant word. */
export const BUSINESS_PREFIXES: readonly string[] = [
  "Harborview", "Cascade", "Summit", "Evergreen", "Pinecrest", "Riverside", "Lakeside", "Oak Hollow",
  "Cedar Ridge", "Willow Creek", "Sunset", "Northgate", "Westfield", "Bayside", "Meridian", "Highland",
  "Granite", "Silver Lake", "Maple Grove", "Stonebridge", "Copper Canyon", "Bluebird", "Redwood", "Fairview",
  "Brookside", "Sierra", "Golden Gate", "Heritage", "Liberty", "Pioneer", "Crestview", "Timberline",
  "Aspen", "Juniper", "Magnolia", "Prairie", "Coastal", "Union Square", "Parkside", "Hillcrest",
  "Four Seasons", "Blue Ridge", "Iron Horse", "Lighthouse", "Orchard", "Keystone", "Sterling", "Beacon",
];

/** Second half of a business name, with the kind of place it is. */
export const BUSINESS_KINDS: readonly string[] = [
  "Dental Group", "Property Management", "Apartments", "Family Dentistry", "Veterinary Clinic", "Auto Repair",
  "Brewing Co.", "Bakery", "Self Storage", "Fitness", "Medical Center", "Senior Living",
  "Montessori School", "Inn & Suites", "Properties LLC", "Realty", "Community Church", "Coffee Roasters",
  "Restaurant Group", "Chiropractic", "Dry Cleaners", "Business Park", "Plaza", "Townhomes HOA",
  "Condominium Association", "Pediatrics", "Animal Hospital", "Car Wash", "Hardware", "Market",
  "Physical Therapy", "Law Offices", "Salon & Spa", "Preschool", "Pizza Co.", "Storage Center",
  "Office Park", "Dermatology", "Eye Care", "Laundromat", "Deli", "Tap House",
];

/** Shared mailboxes commercial customers often give instead of a person's address. */
export const ROLE_MAILBOXES: readonly string[] = [
  "office", "facilities", "maintenance", "ap", "accounts", "manager", "frontdesk", "admin",
];

export const RESIDENTIAL_NOTES: readonly string[] = [
  "Gate code {code}", "Dog in yard", "Prefers text before arrival", "Call 30 min before arriving",
  "Park on the street, shared driveway", "Two cats indoors, keep doors closed", "Elderly homeowner, speak with daughter for approvals",
  "Side gate sticks, lift handle", "Lockbox on back door, code {code}", "Prefers morning appointments",
  "Works nights, no visits before 11am", "Spanish-speaking household", "Shoe covers please, new carpet",
  "Rental property, tenant lets us in", "Referred by neighbor", "Paid late twice, collect on site",
  "Water shutoff is in the garage behind the shelving", "Crawlspace access in hall closet",
];

export const COMMERCIAL_NOTES: readonly string[] = [
  "Check in at front desk, ask for facilities manager", "COI required before any work",
  "PO number required on every invoice", "NET 30 terms", "After-hours access via key box, code {code}",
  "Roof access ladder in back stairwell", "Work only before 9am or after 6pm, patients on site",
  "Send invoices to accounts payable, not the site contact", "Loading dock in rear, no parking in fire lane",
  "Multiple buildings, confirm unit with dispatch", "Tenant improvement work needs landlord sign-off",
];

/** The "older import" some customers came from, as seen in internal_flags. */
export const LEGACY_SYSTEMS: readonly string[] = ["spreadsheet", "ServiceBook", "FieldPro"];
