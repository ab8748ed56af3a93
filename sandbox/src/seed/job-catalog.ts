/**
 * The kinds of work a plumbing, heating/cooling and electrical shop books, with
 * the price range a flat-rate price book would quote and how long a visit
 * takes. Descriptions are templates: {age}, {code}, {room}, {wh}, {hvac},
 * {panel} and {count} are filled per job so that titles repeat (as they do in
 * a real shop) while descriptions vary.
 */
export type Trade = "plumbing" | "hvac" | "electrical";

/** routine: maintenance; repair: a fault; install: a project; emergency: drop everything. */
export type WorkKind = "routine" | "repair" | "install" | "emergency";

export interface JobType {
  readonly trade: Trade;
  readonly title: string;
  readonly kind: WorkKind;
  /** Who asks for this work: some jobs only make sense at a business. */
  readonly audience: "any" | "residential" | "commercial";
  readonly estimate: readonly [min: number, max: number];
  /** Length of the scheduled window, in hours. */
  readonly hours: readonly [min: number, max: number];
  readonly descriptions: readonly string[];
}

export const TRADE_WEIGHTS: ReadonlyArray<readonly [Trade, number]> = [
  ["plumbing", 40],
  ["hvac", 35],
  ["electrical", 25],
];

export const JOB_TYPES: readonly JobType[] = [
  // Plumbing
  {
    trade: "plumbing",
    title: "Water heater replacement",
    kind: "install",
    audience: "any",
    estimate: [1400, 3200],
    hours: [3, 5],
    descriptions: [
      "Replace {age}-year-old {wh} 50-gal gas water heater; tank leaking at the base. Add expansion tank and drip pan to code.",
      "Swap failed 40-gal electric water heater in garage, haul away old unit.",
      "No hot water, {wh} tank rusted through at the bottom seam. Customer approved replacement over the phone.",
    ],
  },
  {
    trade: "plumbing",
    title: "Tankless water heater install",
    kind: "install",
    audience: "any",
    estimate: [3200, 6500],
    hours: [6, 8],
    descriptions: [
      "Convert {age}-year-old tank to a wall-hung tankless unit; needs new venting and a larger gas line.",
      "Install tankless water heater in utility room, remove old tank, descale kit included.",
    ],
  },
  {
    trade: "plumbing",
    title: "Slab leak detection",
    kind: "repair",
    audience: "any",
    estimate: [350, 900],
    hours: [2, 3],
    descriptions: [
      "Water meter spinning with all fixtures off. Warm spot on the {room} floor; suspect hot-side slab leak.",
      "Water bill doubled in two months, no visible leaks. Acoustic and thermal leak detection.",
    ],
  },
  {
    trade: "plumbing",
    title: "Leaking kitchen faucet",
    kind: "repair",
    audience: "any",
    estimate: [150, 450],
    hours: [1, 2],
    descriptions: [
      "Faucet drips from the spout and under the sink. Customer supplied a new faucet.",
      "Pull-down faucet leaking at the hose connection; cartridge or replace.",
    ],
  },
  {
    trade: "plumbing",
    title: "Main sewer line backup",
    kind: "emergency",
    audience: "any",
    estimate: [250, 650],
    hours: [2, 3],
    descriptions: [
      "Sewage backing up into the basement floor drain. Cable main from the cleanout; camera if roots.",
      "All drains slow, toilet gurgles when the washer drains. Possible main line blockage.",
    ],
  },
  {
    trade: "plumbing",
    title: "Toilet running constantly",
    kind: "repair",
    audience: "any",
    estimate: [120, 320],
    hours: [1, 1],
    descriptions: [
      "Toilet in {room} keeps running; flapper and fill valve likely.",
      "{count} toilets running or weeping at the base; rebuild or reset with new wax rings.",
    ],
  },
  {
    trade: "plumbing",
    title: "Burst pipe",
    kind: "emergency",
    audience: "any",
    estimate: [400, 1800],
    hours: [2, 4],
    descriptions: [
      "Pipe burst in the {room} wall, water shut off at the main. Repair and moisture check.",
      "Water pouring from the ceiling under the upstairs bath. Customer shut off the main.",
    ],
  },
  {
    trade: "plumbing",
    title: "Garbage disposal replacement",
    kind: "install",
    audience: "residential",
    estimate: [280, 650],
    hours: [1, 2],
    descriptions: [
      "Disposal hums but does not spin, reset did not help. Replace with 3/4 HP unit.",
      "Disposal leaking from the bottom; replace and check the dishwasher connection.",
    ],
  },
  {
    trade: "plumbing",
    title: "Sewer camera inspection",
    kind: "routine",
    audience: "any",
    estimate: [200, 450],
    hours: [1, 2],
    descriptions: [
      "Pre-purchase sewer scope for a {age}-year-old house. Send video to the buyer's agent.",
      "Camera the main after repeated backups; locate and mark depth of any belly or break.",
    ],
  },
  {
    trade: "plumbing",
    title: "Hydro jetting sewer line",
    kind: "repair",
    audience: "any",
    estimate: [450, 900],
    hours: [2, 4],
    descriptions: [
      "Grease buildup in the kitchen line; jet from the roof vent and camera afterwards.",
      "Root intrusion found on the last inspection. Jet the main and re-inspect.",
    ],
  },
  {
    trade: "plumbing",
    title: "Whole-house repipe (PEX)",
    kind: "install",
    audience: "residential",
    estimate: [6500, 15000],
    hours: [8, 8],
    descriptions: [
      "Galvanized supply lines throughout, low pressure and rusty water. Full PEX repipe, {count} bathrooms.",
      "Polybutylene supply lines, insurer requires replacement. Repipe and patch drywall access holes.",
    ],
  },
  {
    trade: "plumbing",
    title: "Sump pump replacement",
    kind: "repair",
    audience: "any",
    estimate: [450, 1200],
    hours: [2, 3],
    descriptions: [
      "Sump pump cycling constantly and loud; replace and add a check valve.",
      "Pump failed during last storm, basement took water. Install new pump with battery backup.",
    ],
  },
  {
    trade: "plumbing",
    title: "Low water pressure throughout house",
    kind: "repair",
    audience: "residential",
    estimate: [150, 900],
    hours: [1, 3],
    descriptions: [
      "Pressure dropped over the last month in every fixture. Check the PRV and the main shutoff.",
      "Weak flow upstairs only; suspect failing pressure regulator.",
    ],
  },
  {
    trade: "plumbing",
    title: "Bathroom vanity and faucet install",
    kind: "install",
    audience: "residential",
    estimate: [450, 1400],
    hours: [3, 5],
    descriptions: [
      "Customer bought a 48-inch vanity; remove old one, set new top, faucet and drain.",
      "Install two new faucets and a vanity in the {room}; new shutoff valves.",
    ],
  },
  {
    trade: "plumbing",
    title: "Gas line for new range",
    kind: "install",
    audience: "residential",
    estimate: [350, 1100],
    hours: [2, 4],
    descriptions: [
      "Run a new gas line from the meter to the kitchen for a 36-inch range; permit and pressure test.",
      "Switching from electric to gas range; run black pipe through the crawlspace.",
    ],
  },
  {
    trade: "plumbing",
    title: "Backflow preventer annual test",
    kind: "routine",
    audience: "commercial",
    estimate: [85, 175],
    hours: [1, 1],
    descriptions: [
      "Annual test of {count} backflow assemblies; file results with the water district.",
      "City notice: backflow test due by the end of the month. Test and tag the irrigation RPZ.",
    ],
  },
  {
    trade: "plumbing",
    title: "Shower valve replacement",
    kind: "repair",
    audience: "residential",
    estimate: [350, 950],
    hours: [2, 4],
    descriptions: [
      "Shower will not get hot, old single-handle valve. Replace with pressure-balance valve through the closet access.",
      "Shower valve dripping constantly; replace cartridge or valve body.",
    ],
  },
  {
    trade: "plumbing",
    title: "Water softener installation",
    kind: "install",
    audience: "residential",
    estimate: [1200, 3200],
    hours: [3, 5],
    descriptions: [
      "Hard water scale on every fixture. Install softener with bypass loop in the garage.",
      "Replace {age}-year-old softener, resin bed exhausted.",
    ],
  },
  {
    trade: "plumbing",
    title: "Frozen pipes, no water",
    kind: "emergency",
    audience: "any",
    estimate: [250, 900],
    hours: [2, 4],
    descriptions: [
      "No water after the cold snap. Supply line through the crawlspace likely frozen; thaw and inspect for splits.",
      "Kitchen and laundry have no water, rest of the house fine. Exterior wall run frozen.",
    ],
  },
  {
    trade: "plumbing",
    title: "Annual plumbing inspection",
    kind: "routine",
    audience: "any",
    estimate: [99, 199],
    hours: [1, 2],
    descriptions: [
      "Membership visit: check fixtures, water heater flush, test shutoffs and PRV.",
      "Yearly inspection for the maintenance plan; note any supply lines older than 10 years.",
    ],
  },
  // Heating and cooling
  {
    trade: "hvac",
    title: "AC not cooling",
    kind: "repair",
    audience: "any",
    estimate: [150, 1200],
    hours: [1, 3],
    descriptions: [
      "Upstairs blowing warm air, outdoor unit running. Thermostat set to 72, house at 84.",
      "{hvac} condenser not starting, fan hums. Likely capacitor.",
      "AC runs all day and cannot keep up; {age}-year-old system, possible low charge.",
    ],
  },
  {
    trade: "hvac",
    title: "Furnace annual tune-up",
    kind: "routine",
    audience: "any",
    estimate: [89, 179],
    hours: [1, 2],
    descriptions: [
      "Pre-season furnace tune-up: clean burners, check heat exchanger and CO levels, replace filter.",
      "Maintenance plan visit for {count} furnaces; customer asks about a louder blower.",
    ],
  },
  {
    trade: "hvac",
    title: "AC seasonal maintenance",
    kind: "routine",
    audience: "any",
    estimate: [89, 179],
    hours: [1, 2],
    descriptions: [
      "Spring AC check: clean condenser coil, check charge and drain line.",
      "Maintenance agreement visit; condensate line clogged last year, flush it.",
    ],
  },
  {
    trade: "hvac",
    title: "No heat",
    kind: "emergency",
    audience: "any",
    estimate: [150, 1400],
    hours: [1, 3],
    descriptions: [
      "Furnace will not ignite, {age}-year-old {hvac}. Elderly homeowner, house at 58F.",
      "Heat pump blowing cold air in heat mode, aux heat not engaging.",
      "Furnace locks out after three tries; flame sensor or igniter.",
    ],
  },
  {
    trade: "hvac",
    title: "Condenser fan motor replacement",
    kind: "repair",
    audience: "any",
    estimate: [350, 750],
    hours: [1, 2],
    descriptions: [
      "Outdoor fan not spinning, compressor overheating. Replace motor and capacitor.",
      "Fan motor seized on the {hvac} condenser; motor ordered, confirm fit.",
    ],
  },
  {
    trade: "hvac",
    title: "Heat pump installation",
    kind: "install",
    audience: "any",
    estimate: [7500, 16000],
    hours: [8, 8],
    descriptions: [
      "Replace {age}-year-old AC and gas furnace with a variable-speed heat pump and air handler. Rebate paperwork included.",
      "New heat pump system, 3 ton, with new line set and thermostat.",
    ],
  },
  {
    trade: "hvac",
    title: "Ductless mini-split install",
    kind: "install",
    audience: "any",
    estimate: [3500, 9000],
    hours: [6, 8],
    descriptions: [
      "{count}-zone mini-split for the addition and the bonus room; outdoor unit on a wall bracket.",
      "Single-zone mini-split for the garage workshop; new 240V circuit by our electrician.",
    ],
  },
  {
    trade: "hvac",
    title: "Furnace replacement",
    kind: "install",
    audience: "residential",
    estimate: [4200, 9500],
    hours: [6, 8],
    descriptions: [
      "Cracked heat exchanger found on tune-up; replace with a 96% furnace and new venting.",
      "{age}-year-old {hvac} furnace, repeated failures. Replace with a two-stage unit.",
    ],
  },
  {
    trade: "hvac",
    title: "Smart thermostat upgrade",
    kind: "install",
    audience: "residential",
    estimate: [250, 550],
    hours: [1, 2],
    descriptions: [
      "Install customer-supplied smart thermostat; add a C-wire adapter if needed.",
      "Replace old mercury thermostat, configure heat pump staging.",
    ],
  },
  {
    trade: "hvac",
    title: "Refrigerant leak search and recharge",
    kind: "repair",
    audience: "any",
    estimate: [450, 1800],
    hours: [2, 4],
    descriptions: [
      "System low on refrigerant for the second summer. Leak search at the coil and line set.",
      "Recharge after the coil repair; pressure test with nitrogen first.",
    ],
  },
  {
    trade: "hvac",
    title: "Duct cleaning",
    kind: "routine",
    audience: "any",
    estimate: [350, 750],
    hours: [3, 5],
    descriptions: [
      "Whole-house duct cleaning after the remodel, drywall dust in the returns.",
      "Duct cleaning and dryer vent cleaning; customer has allergies.",
    ],
  },
  {
    trade: "hvac",
    title: "Furnace making banging noise",
    kind: "repair",
    audience: "residential",
    estimate: [150, 600],
    hours: [1, 2],
    descriptions: [
      "Loud bang when the furnace lights. Delayed ignition; clean burners and check gas pressure.",
      "Rattling and banging from the ducts when the blower starts.",
    ],
  },
  {
    trade: "hvac",
    title: "Rooftop unit maintenance",
    kind: "routine",
    audience: "commercial",
    estimate: [250, 900],
    hours: [2, 4],
    descriptions: [
      "Quarterly PM on {count} rooftop units: filters, belts, coil cleaning, economizer check.",
      "Spring start-up of rooftop units; one unit tripping on high pressure last fall.",
    ],
  },
  {
    trade: "hvac",
    title: "Walk-in cooler not holding temperature",
    kind: "emergency",
    audience: "commercial",
    estimate: [300, 2500],
    hours: [2, 4],
    descriptions: ["Walk-in at 48F and rising, product at risk. Evaporator iced over.", "Cooler compressor short-cycling; kitchen moving stock to reach-ins."],
  },
  {
    trade: "hvac",
    title: "Carbon monoxide alarm going off",
    kind: "emergency",
    audience: "any",
    estimate: [150, 600],
    hours: [1, 2],
    descriptions: [
      "CO alarm sounding near the furnace room; family out of the house, fire department cleared it. Inspect furnace and flue.",
      "CO detector chirping and reading 40 ppm in the basement.",
    ],
  },
  {
    trade: "hvac",
    title: "Capacitor and contactor replacement",
    kind: "repair",
    audience: "any",
    estimate: [180, 450],
    hours: [1, 1],
    descriptions: ["Condenser hums and will not start; capacitor bulged on last visit.", "Contactor pitted, unit chatters at start-up."],
  },
  {
    trade: "hvac",
    title: "Frozen evaporator coil",
    kind: "repair",
    audience: "any",
    estimate: [150, 650],
    hours: [1, 2],
    descriptions: [
      "Ice on the refrigerant lines at the air handler; weak airflow. Check filter, blower and charge.",
      "Water leaking from the air handler after the coil thawed.",
    ],
  },
  {
    trade: "hvac",
    title: "Whole-home humidifier install",
    kind: "install",
    audience: "residential",
    estimate: [650, 1400],
    hours: [2, 4],
    descriptions: ["Install bypass humidifier on the furnace; customer complains of static and dry air.", "Replace failed steam humidifier with a new unit."],
  },
  {
    trade: "hvac",
    title: "Weak airflow in bedrooms",
    kind: "repair",
    audience: "residential",
    estimate: [150, 900],
    hours: [1, 3],
    descriptions: [
      "Back bedrooms 6 degrees warmer than the rest of the house. Check dampers and duct connections in the attic.",
      "Disconnected duct suspected in the crawlspace, one room barely gets air.",
    ],
  },
  // Electrical
  {
    trade: "electrical",
    title: "Panel upgrade to 200A",
    kind: "install",
    audience: "residential",
    estimate: [2200, 4500],
    hours: [6, 8],
    descriptions: [
      "Upgrade 100A panel to 200A for the EV charger and heat pump. Coordinate the utility disconnect.",
      "Full panel full of tandem breakers; upgrade service to 200A with a new meter base.",
    ],
  },
  {
    trade: "electrical",
    title: "GFCI outlets tripping",
    kind: "repair",
    audience: "any",
    estimate: [150, 450],
    hours: [1, 2],
    descriptions: [
      "Bathroom and garage GFCIs trip when it rains. Check the exterior outlets for water.",
      "GFCI in the {room} trips whenever the microwave runs.",
    ],
  },
  {
    trade: "electrical",
    title: "EV charger installation (Level 2)",
    kind: "install",
    audience: "any",
    estimate: [850, 2200],
    hours: [3, 5],
    descriptions: [
      "Install 48A wall charger in the garage, 60A circuit from the panel, about 40 ft run.",
      "Customer bought a charger; needs a 240V circuit and permit. Panel has two open spaces.",
    ],
  },
  {
    trade: "electrical",
    title: "Recessed lighting install",
    kind: "install",
    audience: "residential",
    estimate: [600, 2400],
    hours: [3, 6],
    descriptions: ["Install {count} LED wafer lights in the {room} with a dimmer.", "Replace old can lights with LED retrofits and add a three-way switch."],
  },
  {
    trade: "electrical",
    title: "Partial power outage",
    kind: "emergency",
    audience: "any",
    estimate: [200, 900],
    hours: [1, 3],
    descriptions: [
      "Half the house lost power, breakers look fine. Possible failed neutral at the meter base.",
      "Lights dim and brighten when the AC starts; several outlets dead.",
    ],
  },
  {
    trade: "electrical",
    title: "Burning smell from outlet",
    kind: "emergency",
    audience: "any",
    estimate: [150, 500],
    hours: [1, 2],
    descriptions: [
      "Outlet in the {room} scorched and warm to the touch. Breaker turned off by the customer.",
      "Burning plastic smell near the panel; customer shut off the main.",
    ],
  },
  {
    trade: "electrical",
    title: "Ceiling fan installation",
    kind: "install",
    audience: "residential",
    estimate: [180, 450],
    hours: [1, 3],
    descriptions: ["Replace light fixture with a ceiling fan in the {room}; new fan-rated box.", "Install {count} ceiling fans, customer supplied."],
  },
  {
    trade: "electrical",
    title: "Whole-house surge protector",
    kind: "install",
    audience: "residential",
    estimate: [350, 750],
    hours: [1, 2],
    descriptions: [
      "Install type 2 surge protector at the panel after a lightning strike nearby.",
      "Customer lost a fridge board in a surge; add whole-home protection.",
    ],
  },
  {
    trade: "electrical",
    title: "Federal Pacific panel replacement",
    kind: "install",
    audience: "residential",
    estimate: [2400, 4800],
    hours: [6, 8],
    descriptions: [
      "Home inspector flagged the Federal Pacific panel; replace with a new {panel} panel.",
      "Insurance requires replacing the FPE panel within 30 days.",
    ],
  },
  {
    trade: "electrical",
    title: "Generator interlock install",
    kind: "install",
    audience: "residential",
    estimate: [900, 1800],
    hours: [3, 5],
    descriptions: [
      "Interlock kit and inlet box for a portable generator; 30A inlet on the side of the house.",
      "Install transfer interlock so the customer can run the furnace and fridge during outages.",
    ],
  },
  {
    trade: "electrical",
    title: "Dedicated circuit for appliance",
    kind: "install",
    audience: "any",
    estimate: [350, 900],
    hours: [2, 3],
    descriptions: ["New 20A circuit for the garage freezer; shared circuit keeps tripping.", "Add dedicated circuit for a new dishwasher and disposal."],
  },
  {
    trade: "electrical",
    title: "Flickering lights",
    kind: "repair",
    audience: "any",
    estimate: [150, 600],
    hours: [1, 2],
    descriptions: [
      "Lights flicker throughout the house when the dryer runs. Check the service connections.",
      "Kitchen lights flicker on the dimmer; loose connection suspected.",
    ],
  },
  {
    trade: "electrical",
    title: "Landscape lighting install",
    kind: "install",
    audience: "residential",
    estimate: [900, 3500],
    hours: [4, 8],
    descriptions: [
      "Install {count} low-voltage path lights and a transformer with a photocell.",
      "Uplights on the front trees and house; timer in the garage.",
    ],
  },
  {
    trade: "electrical",
    title: "Aluminum wiring remediation",
    kind: "install",
    audience: "residential",
    estimate: [2500, 7500],
    hours: [8, 8],
    descriptions: ["1970s aluminum branch wiring; pigtail every device with approved connectors.", "Remediate aluminum wiring before sale; {count} rooms."],
  },
  {
    trade: "electrical",
    title: "Hardwired smoke detector replacement",
    kind: "routine",
    audience: "any",
    estimate: [250, 750],
    hours: [1, 3],
    descriptions: [
      "Detectors are {age} years old and chirping; replace {count} with interconnected smoke/CO combos.",
      "Landlord requires new smoke detectors in every bedroom.",
    ],
  },
  {
    trade: "electrical",
    title: "Parking lot lights out",
    kind: "repair",
    audience: "commercial",
    estimate: [350, 1800],
    hours: [2, 4],
    descriptions: [
      "{count} pole lights out in the rear lot; bucket truck needed. Check photocell and ballasts.",
      "Lot lights stay on all day; timer or contactor failed.",
    ],
  },
  {
    trade: "electrical",
    title: "Knob-and-tube wiring inspection",
    kind: "routine",
    audience: "residential",
    estimate: [200, 450],
    hours: [1, 2],
    descriptions: [
      "Buyer's insurer asks for an inspection of remaining knob-and-tube wiring in the attic.",
      "Evaluate old wiring before the remodel and quote replacement.",
    ],
  },
  {
    trade: "electrical",
    title: "Hot tub electrical hookup",
    kind: "install",
    audience: "residential",
    estimate: [900, 2200],
    hours: [3, 5],
    descriptions: [
      "50A GFCI disconnect and circuit for a new hot tub on the back patio.",
      "Hot tub delivery next week; run the circuit and set the disconnect 5 ft from the tub.",
    ],
  },
  {
    trade: "electrical",
    title: "Breaker keeps tripping",
    kind: "repair",
    audience: "any",
    estimate: [150, 500],
    hours: [1, 2],
    descriptions: [
      "Breaker for the {room} trips every evening. Possible overloaded circuit or failing breaker.",
      "Kitchen breaker trips when the toaster and kettle run together.",
    ],
  },
  {
    trade: "electrical",
    title: "Commercial lighting retrofit",
    kind: "install",
    audience: "commercial",
    estimate: [2500, 12000],
    hours: [8, 8],
    descriptions: [
      "Retrofit {count} fluorescent troffers to LED panels; utility rebate paperwork included.",
      "Replace warehouse high-bays with LED fixtures and occupancy sensors.",
    ],
  },
];

export const FILLERS: Readonly<Record<string, readonly string[]>> = {
  room: ["kitchen", "hall bath", "primary bath", "laundry room", "basement", "garage", "living room", "guest bedroom", "office"],
  wh: ["Rheem", "A.O. Smith", "Bradford White", "State Select", "Rinnai"],
  hvac: ["Carrier", "Trane", "Lennox", "Goodman", "Rheem", "Bryant", "American Standard"],
  panel: ["Square D", "Siemens", "Eaton", "Leviton"],
};

export const INTERNAL_JOB_NOTES: readonly string[] = [
  "Parts ordered from the supply house, ETA Thursday.",
  "Bring the 10 ft ladder, attic access in the garage closet.",
  "Customer has a dog, call before entering the backyard.",
  "Second visit: first tech could not finish, needed a part.",
  "Warranty job, do not bill labor.",
  "Upsell opportunity: system is near end of life.",
  "Collect payment on site.",
  "Permit pulled, inspection needs to be booked.",
  "Manufacturer rebate form to be filed after install.",
  "Quote approved by email, see attachment in the office inbox.",
  "Needs two techs for the lift.",
  "Tenant occupied; landlord approves over $500.",
  "Member pricing applies (maintenance plan).",
];

export const CUSTOMER_JOB_NOTES: readonly string[] = [
  "Please use the side gate.",
  "Thank you for choosing us! Your 1-year labor warranty starts today.",
  "We will text you when the technician is on the way.",
  "Please make sure the work area is clear before we arrive.",
  "Your technician will call 30 minutes before arrival.",
  "Payment is due on completion; we accept cards and checks.",
  "Remember to change your filter every 90 days.",
  "The quoted price includes haul-away of the old equipment.",
];
