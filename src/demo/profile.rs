//! The "baggage" a client brings: education, work experience, and what the advisor pins.

pub const CONSENT_PURPOSE: &str = "mentoring and funder reporting";

pub const EDUCATION: &[&str] = &[
    "Bachelor in economics from the university in {city}",
    "Secondary school in {city}",
    "Nurse training in {city}",
    "Master in civil engineering from {city}",
    "Vocational school, tailoring",
    "Primary school; learned the trade in the family business",
    "Upper secondary in Norway, restaurant and food processing",
    "Accounting diploma from {city}",
    "Law degree from {city}, not yet recognised in Norway",
    "Bachelor in computer science from {city}",
    "Teacher training college in {city}",
    "Pharmacy degree, waiting for approval from HK-dir",
    "Chef school in {city}",
    "Medical degree from {city}; taking the Norwegian licensing exams",
    "Agronomy diploma from {city}",
    "Two years of architecture studies in {city}",
    "Hairdresser trade certificate (fagbrev) taken in Norway",
    "No formal education; several short courses in Norway",
    "MBA from {city}",
    "Bachelor in English literature from {city}",
    "Electrician certificate from {city}",
    "Graphic design studies in {city}",
    "Kindergarten teacher education from {city}",
    "Bachelor in business administration from BI, Oslo",
];

pub const EXPERIENCE: &[&str] = &[
    "Ran a small shop in {city} for {years} years",
    "Taxi driver in {municipality}",
    "Part-time cleaner at a hotel",
    "Kitchen assistant in {municipality}",
    "Sales in a mobile phone shop",
    "Worked for an NGO in {city}",
    "Office clerk in a ministry in {city}",
    "Warehouse worker, night shifts",
    "Teacher for {years} years",
    "Freelance translator",
    "Care worker at a nursing home in {municipality}",
    "Bus driver in {municipality}",
    "Nurse at a hospital in {city}",
    "Volunteer at the Red Cross café",
    "Shop assistant at a supermarket in {municipality}",
    "Seasonal work on fish farms and in fish processing",
    "Self-employed in {city} for {years} years",
    "Interpreter for the introduction programme",
];

pub const PINNED: &[&str] = &[
    "Prefers calls after 15:00",
    "Interpreter: {language}",
    "Works night shifts: call before 12",
    "Use SMS, not email",
    "Hard of hearing: prefers email or video with captions",
    "Small children at home: morning meetings only",
    "Prefers meetings at the library in {municipality}",
    "Speaks English better than Norwegian",
    "Do not call on Fridays",
    "Bring printed copies: does not read long emails",
    "Book the interpreter before every meeting",
    "Share documents by paper or Vipps, no Google Drive",
    "Needs reminders the day before meetings",
];

/// Tags any client may carry, besides the tag of their business idea.
pub const TAGS: &[&str] = &[
    "women's network",
    "start-up course",
    "mentor programme",
    "young founder",
    "Norwegian course",
    "funding",
    "premises",
    "family business",
    "introduction programme",
];

pub const EMAIL_DOMAINS: &[&str] = &[
    "gmail.com",
    "gmail.com",
    "gmail.com",
    "hotmail.com",
    "outlook.com",
    "yahoo.com",
    "online.no",
    "live.no",
    "icloud.com",
];
