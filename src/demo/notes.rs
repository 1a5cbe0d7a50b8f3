//! Fragments of session notes, composed into notes in `sessions.rs`. The wording follows how
//! advisors write: short, factual, with the Norwegian names of agencies, forms and permits.

pub const INTAKE: &[&str] = &[
    "Intake meeting; {first} heard about the centre from a friend.",
    "First meeting. We talked about {first}'s background and plans for {idea}.",
    "Intake: consent signed, background and goals noted.",
    "First meeting, referred by the introduction programme in {municipality}.",
    "Intake meeting with an interpreter in {language}.",
    "First meeting; {first} came via NAV, who recommended the centre.",
    "Intake. {first} has thought about {idea} for years and wants to get started.",
];

pub const INTAKE_EXISTING: &[&str] = &[
    "First meeting. {first} has run {venture} for {years} years and wants to grow.",
    "Intake: {venture} has steady customers but little profit; wants help with pricing and staff.",
    "First meeting. {first} wants to develop {venture} and maybe open a second location.",
    "Intake. The accountant recommended the centre; {venture} needs a plan for the next two years.",
];

pub const PHONE: &[&str] = &[
    "Short follow-up call with {first}.",
    "Called {first} as agreed.",
    "{first} called about a letter from Skatteetaten.",
    "Phone call; {first} had prepared a list of questions.",
    "Quick call to hear how things are going.",
    "{first} called back after the last meeting.",
    "Follow-up by phone; {first} was on the bus, so we kept it short.",
    "Phone: {first} had questions after reading the budget template.",
    "Called to follow up the open steps.",
    "{first} called, a bit stressed, and wanted advice quickly.",
];

pub const MEETING: &[&str] = &[
    "Meeting at the office.",
    "Met {first} at the centre.",
    "Meeting at the library in {municipality}, as the office was booked.",
    "{first} came in with a folder of papers.",
    "Long meeting; we went through everything from the start.",
    "Met at the café next to the centre.",
    "Met {first} at the co-working space in {municipality}.",
    "Meeting with {first} and an interpreter.",
];

pub const VIDEO: &[&str] = &[
    "Video call on Teams.",
    "Video meeting; the connection was poor at times.",
    "Teams meeting with {first} and the accountant.",
    "Video call; {first} shared the screen with the new price list.",
];

pub const EMAIL: &[&str] = &[
    "{first} sent the updated budget by email.",
    "Email exchange about the rental contract.",
    "Answered {first}'s email about VAT registration.",
    "Sent {first} links to this term's start-up courses.",
];

pub const MESSAGE: &[&str] = &[
    "SMS from {first}: wants to move the meeting.",
    "Message on WhatsApp with photos of the premises.",
    "{first} sent a message with a question about invoices.",
    "Short exchange on SMS.",
];

pub const COURSE: &[&str] = &[
    "{first} took part in the start-up course, day {count}.",
    "Course evening on marketing in social media.",
    "Course on budgeting and accounting at the centre.",
    "Course day on law, tax and registration.",
    "Pitch workshop; {first} presented {idea} to the group.",
];

/// Before there is a venture: the idea and the person.
pub const IDEA: &[&str] = &[
    "We talked through {idea} and who the customers would be.",
    "{first} is still unsure whether {idea} can give a full income.",
    "Looked at what similar businesses in {municipality} charge.",
    "Went through the business model canvas; the customer segments are still vague.",
    "{first} has visited three competitors and noted their prices.",
    "Discussed starting part time while keeping the job.",
    "Explained the difference between an enkeltpersonforetak and an AS.",
    "Start-up costs come to roughly {amount} before the first customer.",
    "{first} wants to test the idea at a market stall before committing.",
    "We listed what {first} needs to learn before starting.",
    "{first} has savings of about {amount} and does not want a loan.",
    "Mapped {first}'s network in {municipality}: few contacts outside the family so far.",
    "Suggested talking to possible customers before writing the business plan.",
    "The idea has shifted a little: {idea}, but starting smaller.",
    "Went through the rules for running a business during the introduction programme.",
];

/// A new venture on its way to registration.
pub const PLANNING: &[&str] = &[
    "Worked on the budget for {venture}: expected turnover {amount} the first year.",
    "The business plan for {venture} is nearly done; the marketing part is missing.",
    "Looked at premises in {municipality}; the rent is about {rent} a month.",
    "{first} has chosen the name {venture} and checked that it is free in Brønnøysund.",
    "Went through the liquidity budget month by month.",
    "Discussed whether {venture} must register for VAT from the start (limit NOK 50 000).",
    "Talked about applying for etablererstipend from Innovasjon Norge.",
    "The bank wants a business plan and own capital of {amount} before a loan.",
    "Made a price calculation: materials, time and a margin of 30 %.",
    "{first} will register {venture} in Altinn once the budget is ready.",
    "A nephew is making the logo and website for {venture}.",
    "Checked which permits {venture} needs from the municipality.",
    "Discussed insurance for {venture}: liability and contents.",
    "{first} has found a supplier but wants a second quote.",
];

/// A registered venture, or an existing business being developed.
pub const RUNNING: &[&str] = &[
    "{venture} had a turnover of {amount} last quarter.",
    "Sales are slow in the summer; we planned a campaign for August.",
    "{venture} has {count} regular customers now.",
    "Went through the accounts; the VAT return is due soon.",
    "{first} is thinking about hiring someone part time for {venture}.",
    "Talked about prices: {first} charges too little for the time spent.",
    "The landlord wants to raise the rent to {rent} a month.",
    "A large customer pays late; went through reminders and debt collection.",
    "{venture} got a good write-up in the local paper in {municipality}.",
    "Discussed Sunday opening and what it means for the staff.",
    "Instagram brings most new customers; {first} posts three times a week.",
    "Looked at a bank loan of {amount} for new equipment.",
    "Went through the employer's duties: contract, holiday pay, tax deductions and OTP pension.",
    "{first} wants to sell to the municipality and asked about public tenders on Doffin.",
    "Cash flow is tight this month because of a late payment of {amount}.",
    "{venture} has applied for a stall at the Christmas market.",
    "Talked about a second location in {municipality}.",
    "The best-selling item costs {price}; we looked at raising it.",
];

pub const TOPIC: &[&str] = &[
    "Main topic today: {topic}.",
    "We spent most of the time on {topic}.",
    "Went through {topic} step by step.",
    "{first} asked for more help with {topic}.",
    "Followed up {topic} from last time.",
];

pub const LIFE: &[&str] = &[
    "{first} has started Norwegian level B1 in the evenings.",
    "{first} works part time at a kindergarten and has less time this month.",
    "The family has moved to a bigger flat in {municipality}.",
    "{first} is waiting for the decision on permanent residence.",
    "One of the children has been ill, so the plans are a little behind.",
    "{first} passed the Norwegian test (B2) last week.",
    "{first} has got a driving licence, which makes deliveries easier.",
    "{first} was in {city} for three weeks visiting family.",
    "The introduction programme ends in June; {first} needs a plan for an income.",
    "{first} has a job offer and is unsure about going on.",
    "{first} spoke more Norwegian today than ever before.",
];

/// Rarer words, so that full-text search finds something specific.
pub const RARE: &[&str] = &[
    "The landlord wants a deposit (depositum) of three months' rent.",
    "Mattilsynet must approve the kitchen before the opening.",
    "Found a second-hand espresso machine on Finn.no for {price}.",
    "Asked about forskuddsskatt; the first instalment is due on 15 March.",
    "The supplier in Rotterdam delivers cardamom and sumac every fortnight.",
    "Considering a pop-up stall at the julemarked in {municipality}.",
    "Explained the difference between gross margin and contribution margin.",
    "Needs an HMS card before working on building sites.",
    "Will use Vipps for payments and Fiken for bookkeeping.",
    "The trade certificate from {city} may be recognised through HK-dir.",
    "The næringshage in {municipality} offers a free desk for six months.",
    "A serveringsbevilling takes about eight weeks; skjenkebevilling is not needed.",
    "Looked at halal certification for the meat supplier.",
    "Talked about franchise versus building an own brand.",
    "The accountant recommends Tripletex and a separate business account in DNB.",
    "A wholesaler in Alnabru offers better prices for orders above {amount}.",
    "The sourdough needs a proving cabinet; quotes from two suppliers.",
    "Discussed injera production and whether teff flour can be bought in bulk.",
    "Measured the kiosk: 14 square metres, ventilation must be upgraded.",
    "Checked the zoning plan (reguleringsplan) for the address.",
    "Asked the municipality about the rules for a food truck at Tollbodallmenningen.",
    "Read the lease together: the indexation clause follows the consumer price index (KPI).",
    "Wants to sell through Shopify and ship with Posten, or Helthjem for heavier parcels.",
    "Talked about the mentor from Rotary who has run a bakery chain.",
    "The NAV scheme for start-up support (dagpenger under etablering) may apply.",
];

pub const MOOD_LOW: &[&str] = &[
    "{first} sounded tired and discouraged.",
    "Seems stuck; the refusal from the bank hit hard.",
    "Little progress; {first} doubts the whole idea.",
    "Low energy today; family matters take a lot of time.",
    "{first} is worried about money and thinking of giving up.",
];

pub const MOOD_STEADY: &[&str] = &[
    "Steady progress, no big news.",
    "{first} is working through the list calmly.",
    "Things are moving, slowly.",
];

pub const MOOD_HIGH: &[&str] = &[
    "{first} is full of energy and new ideas.",
    "Very motivated after the first customers.",
    "{first} was proud to show the new menu.",
    "Great spirit; {first} has done everything we agreed.",
    "{first} is on fire: three new contracts this month.",
];

pub const NEXT: &[&str] = &[
    "Next meeting: {next}.",
    "We meet again on {next}.",
    "I will call {first} on {next}.",
    "Agreed on a follow-up call on {next}.",
    "{first} will send the figures before {next}.",
    "New meeting booked at the office on {next}.",
    "Talk again in two weeks.",
    "I will check the rules and call back.",
];
