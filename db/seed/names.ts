// Word lists for the demo county's people and schools. Fictional people; place names are
// real English and Welsh villages, so generated school names read like real ones.

export const SAINTS = [
  "Mary", "Michael", "Peter", "Paul", "John", "Nicholas", "Andrew", "Margaret", "Lawrence", "Giles",
  "Gregory", "Anne", "Joseph", "Augustine", "Edward", "Benedict", "Francis", "Thomas", "James", "Matthew",
  "Mark", "Faith", "Chad", "Alphege", "Leonard", "Swithin", "Editha", "Osburg", "Wulstan", "Bartholomew",
] as const;

export const FEATURES = [
  "Oakfield", "Meadowside", "Brookfield", "Briar Hill", "Thornhill", "Cherry Orchard", "Willow Bank", "Riverside",
  "Hillside", "Greenfields", "Northleigh", "Ashgrove", "Beechwood", "Hollyfield", "Elm Tree", "Foxcote",
  "Kingfisher", "Larkspur", "Mill Lane", "Orchard Way", "Park Hill", "Quarry Bank", "Shelley Green", "The Ridgeway",
  "Wheatcroft", "Westgate", "Eastlands", "Southfields", "Heronswood", "Poplars", "Linden", "Sycamore",
] as const;

export const ENGLISH_FIRST_NAMES = [
  "Amelia", "Oliver", "Isla", "Jack", "Sophie", "Harry", "Emily", "George", "Grace", "Thomas",
  "Hannah", "James", "Lucy", "William", "Chloe", "Daniel", "Megan", "Samuel", "Rebecca", "Joseph",
  "Laura", "Matthew", "Charlotte", "Adam", "Katie", "Michael", "Rachel", "Andrew", "Nicola", "Stephen",
  "Helen", "Paul", "Sarah", "Richard", "Joanne", "Mark", "Karen", "David", "Emma", "Christopher",
  "Priya", "Imran", "Aisha", "Rohan", "Fatima", "Kwame", "Ngozi", "Tomasz", "Agnieszka", "Mei",
  "Jasmine", "Ravi", "Zainab", "Olumide", "Siobhan", "Declan", "Bethany", "Callum", "Naomi", "Owen",
] as const;

export const ENGLISH_SURNAMES = [
  "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
  "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
  "Patel", "Khan", "Lewis", "Harrison", "Morris", "Cooper", "Ward", "Turner", "Hill", "Baker",
  "Hughes", "Edwards", "Shaw", "Mitchell", "Chapman", "Bennett", "Marsh", "Fletcher", "Holmes", "Stevens",
  "Ahmed", "Begum", "Okafor", "Mensah", "Kowalski", "Nowak", "Chen", "Singh", "Kaur", "Hussain",
  "O'Brien", "Murphy", "McDonald", "Fraser", "Pearce", "Hartley", "Bradshaw", "Whitmore", "Fenwick", "Ellison",
] as const;

export const WELSH_FIRST_NAMES = [
  "Rhian", "Siân", "Dafydd", "Gareth", "Eleri", "Huw", "Ffion", "Iwan", "Carys", "Gwenllian",
  "Owain", "Nia", "Aled", "Meinir", "Elin", "Rhodri", "Lowri", "Emyr", "Catrin", "Geraint",
  "Mererid", "Hywel", "Angharad", "Llinos", "Cerys", "Dewi", "Bethan", "Gruffydd", "Heledd", "Tomos",
] as const;

export const WELSH_SURNAMES = [
  "Jones", "Davies", "Evans", "Thomas", "Williams", "Roberts", "Lewis", "Hughes", "Morgan", "Griffiths",
  "Jenkins", "Rees", "Price", "Lloyd", "Llewelyn", "Powell", "Owen", "James", "Edwards", "Pugh",
] as const;

/** Postcode inward codes never use C, I, K, M, O or V. */
const INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

export const possessive = (saint: string) => (saint.endsWith("s") ? `St ${saint}'` : `St ${saint}'s`);

export const postcode = (district: string, digit: number, a: number, b: number) =>
  `${district} ${digit}${INWARD_LETTERS[a % INWARD_LETTERS.length]}${INWARD_LETTERS[b % INWARD_LETTERS.length]}`;
