/**
 * US service areas for demo data. A trades company works one metro area, so a
 * company's customers come from one of these (the one its locations are in,
 * when it matches). Cities, states, ZIP codes and area codes are real and
 * belong together, so addresses look right on a map and in a lookup.
 */
export interface City {
  readonly name: string;
  readonly state: string;
  readonly zips: readonly string[];
  /** Overrides the metro's area codes where a city has its own (Vancouver, WA). */
  readonly areaCodes?: readonly string[];
}

export interface Metro {
  readonly name: string;
  readonly areaCodes: readonly string[];
  /** Standard-time offset from UTC in minutes; office hours are local time. */
  readonly utcOffsetMinutes: number;
  readonly observesDst: boolean;
  readonly cities: readonly City[];
  /** Street names typical of the area, mixed with the common ones below. */
  readonly localStreets: readonly string[];
}

export const METROS: readonly Metro[] = [
  {
    name: "Seattle",
    areaCodes: ["206", "425", "253"],
    utcOffsetMinutes: -480,
    observesDst: true,
    localStreets: ["Aurora", "Rainier", "Lake City", "Greenwood", "Fauntleroy", "Alki", "Ballard", "Sand Point", "Juanita", "Novelty Hill"],
    cities: [
      { name: "Seattle", state: "WA", zips: ["98101", "98102", "98103", "98105", "98107", "98109", "98112", "98115", "98116", "98117", "98118", "98119", "98122", "98125", "98126", "98136", "98144"] },
      { name: "Bellevue", state: "WA", zips: ["98004", "98005", "98006", "98007", "98008"] },
      { name: "Redmond", state: "WA", zips: ["98052", "98053"] },
      { name: "Kirkland", state: "WA", zips: ["98033", "98034"] },
      { name: "Renton", state: "WA", zips: ["98055", "98056", "98057", "98058", "98059"] },
      { name: "Kent", state: "WA", zips: ["98030", "98031", "98032", "98042"] },
      { name: "Everett", state: "WA", zips: ["98201", "98203", "98204", "98208"] },
      { name: "Tacoma", state: "WA", zips: ["98402", "98403", "98405", "98406", "98407", "98409"] },
      { name: "Shoreline", state: "WA", zips: ["98133", "98155", "98177"] },
      { name: "Issaquah", state: "WA", zips: ["98027", "98029"] },
      { name: "Bothell", state: "WA", zips: ["98011", "98012", "98021"] },
      { name: "Lynnwood", state: "WA", zips: ["98036", "98037"] },
      { name: "Sammamish", state: "WA", zips: ["98074", "98075"] },
    ],
  },
  {
    name: "Phoenix",
    areaCodes: ["602", "480", "623"],
    utcOffsetMinutes: -420,
    observesDst: false,
    localStreets: ["Camelback", "Indian School", "Thunderbird", "McDowell", "Baseline", "Ocotillo", "Saguaro", "Mesquite", "Palo Verde", "Cactus"],
    cities: [
      { name: "Phoenix", state: "AZ", zips: ["85003", "85004", "85006", "85008", "85012", "85013", "85014", "85015", "85016", "85018", "85020", "85021", "85022", "85028", "85032", "85044", "85048", "85050"] },
      { name: "Scottsdale", state: "AZ", zips: ["85250", "85251", "85254", "85255", "85257", "85258", "85259", "85260"] },
      { name: "Tempe", state: "AZ", zips: ["85281", "85282", "85283", "85284"] },
      { name: "Mesa", state: "AZ", zips: ["85201", "85202", "85203", "85204", "85205", "85206", "85207", "85210", "85213"] },
      { name: "Chandler", state: "AZ", zips: ["85224", "85225", "85226", "85248", "85249"] },
      { name: "Gilbert", state: "AZ", zips: ["85233", "85234", "85295", "85296", "85297", "85298"] },
      { name: "Glendale", state: "AZ", zips: ["85301", "85302", "85304", "85306", "85308", "85310"] },
      { name: "Peoria", state: "AZ", zips: ["85345", "85381", "85382", "85383"] },
      { name: "Surprise", state: "AZ", zips: ["85374", "85379", "85388"] },
    ],
  },
  {
    name: "Dallas-Fort Worth",
    areaCodes: ["214", "469", "972"],
    utcOffsetMinutes: -360,
    observesDst: true,
    localStreets: ["Preston", "Belt Line", "Coit", "Bluebonnet", "Mockingbird", "Forest", "Spring Valley", "Legacy", "Pecan", "Live Oak"],
    cities: [
      { name: "Dallas", state: "TX", zips: ["75201", "75204", "75205", "75206", "75214", "75218", "75219", "75220", "75225", "75228", "75230", "75231", "75238", "75243", "75248"] },
      { name: "Plano", state: "TX", zips: ["75023", "75024", "75025", "75074", "75075", "75093"] },
      { name: "Frisco", state: "TX", zips: ["75033", "75034", "75035"] },
      { name: "Irving", state: "TX", zips: ["75038", "75039", "75060", "75061", "75062", "75063"] },
      { name: "Garland", state: "TX", zips: ["75040", "75041", "75042", "75043", "75044"] },
      { name: "Richardson", state: "TX", zips: ["75080", "75081", "75082"] },
      { name: "McKinney", state: "TX", zips: ["75069", "75070", "75071"] },
      { name: "Carrollton", state: "TX", zips: ["75006", "75007", "75010"] },
      { name: "Arlington", state: "TX", zips: ["76010", "76011", "76012", "76013", "76015", "76016", "76017", "76018"], areaCodes: ["817", "682"] },
      { name: "Fort Worth", state: "TX", zips: ["76104", "76107", "76109", "76110", "76116", "76132", "76133", "76137"], areaCodes: ["817", "682"] },
    ],
  },
  {
    name: "Denver",
    areaCodes: ["303", "720"],
    utcOffsetMinutes: -420,
    observesDst: true,
    localStreets: ["Colfax", "Federal", "Colorado", "Evans", "Hampden", "Wadsworth", "Arapahoe", "Quebec", "Columbine", "Blue Spruce"],
    cities: [
      { name: "Denver", state: "CO", zips: ["80202", "80203", "80204", "80205", "80206", "80209", "80210", "80211", "80212", "80218", "80219", "80220", "80222", "80224", "80230", "80238"] },
      { name: "Aurora", state: "CO", zips: ["80010", "80011", "80012", "80013", "80014", "80015", "80016", "80017"] },
      { name: "Lakewood", state: "CO", zips: ["80214", "80215", "80226", "80227", "80228", "80232"] },
      { name: "Littleton", state: "CO", zips: ["80120", "80121", "80122", "80123", "80128"] },
      { name: "Arvada", state: "CO", zips: ["80002", "80003", "80004", "80005"] },
      { name: "Westminster", state: "CO", zips: ["80030", "80031", "80234"] },
      { name: "Centennial", state: "CO", zips: ["80111", "80112"] },
      { name: "Thornton", state: "CO", zips: ["80229", "80233", "80241"] },
      { name: "Englewood", state: "CO", zips: ["80110", "80113"] },
      { name: "Highlands Ranch", state: "CO", zips: ["80126", "80129", "80130"] },
    ],
  },
  {
    name: "Atlanta",
    areaCodes: ["404", "470", "678", "770"],
    utcOffsetMinutes: -300,
    observesDst: true,
    localStreets: ["Peachtree", "Ponce de Leon", "Piedmont", "Roswell", "Briarcliff", "Dogwood", "Magnolia", "Chattahoochee", "Holcomb Bridge", "Old Alabama"],
    cities: [
      { name: "Atlanta", state: "GA", zips: ["30303", "30305", "30306", "30307", "30308", "30309", "30310", "30312", "30316", "30317", "30318", "30319", "30324", "30327", "30342"] },
      { name: "Marietta", state: "GA", zips: ["30060", "30062", "30064", "30066", "30067", "30068"] },
      { name: "Decatur", state: "GA", zips: ["30030", "30032", "30033"] },
      { name: "Roswell", state: "GA", zips: ["30075", "30076"] },
      { name: "Alpharetta", state: "GA", zips: ["30004", "30005", "30009", "30022"] },
      { name: "Sandy Springs", state: "GA", zips: ["30328", "30350"] },
      { name: "Smyrna", state: "GA", zips: ["30080", "30082"] },
      { name: "Kennesaw", state: "GA", zips: ["30144", "30152"] },
      { name: "Lawrenceville", state: "GA", zips: ["30043", "30044", "30045", "30046"] },
      { name: "Duluth", state: "GA", zips: ["30096", "30097"] },
    ],
  },
  {
    name: "Portland",
    areaCodes: ["503", "971"],
    utcOffsetMinutes: -480,
    observesDst: true,
    localStreets: ["Burnside", "Hawthorne", "Division", "Alberta", "Sandy", "Powell", "Macadam", "Belmont", "Multnomah", "Tualatin Valley"],
    cities: [
      { name: "Portland", state: "OR", zips: ["97201", "97202", "97203", "97205", "97206", "97209", "97210", "97211", "97212", "97213", "97214", "97215", "97217", "97219", "97220", "97221", "97227", "97232", "97239", "97266"] },
      { name: "Beaverton", state: "OR", zips: ["97003", "97005", "97006", "97007", "97008"] },
      { name: "Hillsboro", state: "OR", zips: ["97123", "97124"] },
      { name: "Gresham", state: "OR", zips: ["97030", "97080"] },
      { name: "Lake Oswego", state: "OR", zips: ["97034", "97035"] },
      { name: "Tigard", state: "OR", zips: ["97223", "97224"] },
      { name: "Tualatin", state: "OR", zips: ["97062"] },
      { name: "Milwaukie", state: "OR", zips: ["97222", "97267"] },
      { name: "Vancouver", state: "WA", zips: ["98660", "98661", "98662", "98664", "98665", "98682", "98683", "98684", "98685", "98686"], areaCodes: ["360", "564"] },
    ],
  },
  {
    name: "Austin",
    areaCodes: ["512", "737"],
    utcOffsetMinutes: -360,
    observesDst: true,
    localStreets: ["Lamar", "Burnet", "Congress", "Barton Springs", "Riverside", "Anderson Mill", "Parmer", "Slaughter", "Bee Caves", "Pecan"],
    cities: [
      { name: "Austin", state: "TX", zips: ["78701", "78702", "78703", "78704", "78705", "78717", "78723", "78727", "78731", "78735", "78741", "78744", "78745", "78746", "78748", "78749", "78750", "78751", "78752", "78757", "78758", "78759"] },
      { name: "Round Rock", state: "TX", zips: ["78664", "78665", "78681"] },
      { name: "Cedar Park", state: "TX", zips: ["78613"] },
      { name: "Pflugerville", state: "TX", zips: ["78660"] },
      { name: "Georgetown", state: "TX", zips: ["78626", "78628", "78633"] },
      { name: "Leander", state: "TX", zips: ["78641"] },
      { name: "Kyle", state: "TX", zips: ["78640"] },
      { name: "Buda", state: "TX", zips: ["78610"] },
    ],
  },
];

export const COMMON_STREETS: readonly string[] = [
  "Maple", "Oak", "Cedar", "Pine", "Elm", "Washington", "Lincoln", "Park", "Lake", "Hill",
  "Sunset", "Ridge", "Meadow", "Highland", "Forest", "Willow", "Cherry", "Walnut", "Spruce", "Birch",
  "Chestnut", "Hickory", "Jefferson", "Madison", "Franklin", "Jackson", "Adams", "Lakeview", "Riverside", "Valley",
  "Mountain View", "Orchard", "Spring", "Church", "Mill", "Center", "Union", "Prospect", "Fairview", "Woodland",
  "Greenwood", "Brookside", "Hillcrest", "Kingston", "Cambridge", "Sheridan", "Aspen", "Juniper", "Sycamore", "Laurel",
  "Cottonwood", "Hawthorne", "Bay", "Sierra", "Vista", "Canyon", "Country Club", "Heritage", "Windsor", "Foxglove",
];

export const STREET_SUFFIXES: ReadonlyArray<readonly [string, number]> = [
  ["St", 20], ["Ave", 18], ["Rd", 12], ["Dr", 14], ["Ln", 9], ["Ct", 7], ["Pl", 5], ["Way", 7], ["Blvd", 4], ["Cir", 3], ["Ter", 2], ["Pkwy", 2], ["Trl", 2],
];

export const DIRECTIONS: readonly string[] = ["N", "S", "E", "W", "NE", "NW", "SE", "SW"];

/** The metro whose cities match the company's own locations, if any. */
export function metroForLocations(locations: ReadonlyArray<{ city: string | null; state: string | null }>): Metro | null {
  for (const location of locations) {
    const city = location.city?.trim().toLowerCase();
    const state = location.state?.trim().toUpperCase();
    if (!city) continue;
    const metro = METROS.find((candidate) =>
      candidate.cities.some((entry) => entry.name.toLowerCase() === city && (!state || entry.state === state)),
    );
    if (metro) return metro;
  }
  return null;
}
