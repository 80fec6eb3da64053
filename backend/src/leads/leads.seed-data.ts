/** Word lists for the demo leads (leads.seed.ts), per demo country. */
export interface LeadSeedLocale {
  firstNames: string[];
  lastNames: string[];
  companyStems: string[];
  companySuffixes: string[];
  sources: string[];
  /** National-format prefixes (area or mobile codes, with the trunk 0 where the country has one) and subscriber lengths. */
  phonePrefixes: { prefix: string; digits: number }[];
  emailTld: string;
}

const US: LeadSeedLocale = {
  firstNames: ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Christopher', 'Lisa', 'Daniel', 'Nancy', 'Matthew', 'Betty', 'Anthony', 'Sandra', 'Mark', 'Ashley', 'Steven', 'Emily', 'Andrew', 'Michelle', 'Joshua', 'Amanda', 'Kevin', 'Melissa', 'Brian', 'Stephanie', 'Carlos', 'Maria', 'Wei', 'Aisha', 'Diego', 'Mei', 'Omar', 'Grace'],
  lastNames: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Chen', 'Patel', 'Okafor'],
  companyStems: ['Northwind', 'Bluebird', 'Summit', 'Pioneer', 'Granite', 'Redwood', 'Lakeside', 'Silverline', 'Keystone', 'Harbor', 'Evergreen', 'Ironclad', 'Brightpath', 'Cedar Ridge', 'Oakmont', 'Westfield', 'Liberty', 'Frontier', 'Crescent', 'Beacon', 'Riverbend', 'Sterling', 'Maple Leaf', 'Highland', 'Coastal'],
  companySuffixes: ['Logistics', 'Health', 'Software', 'Manufacturing', 'Realty', 'Insurance', 'Foods', 'Dental Group', 'Financial', 'Energy', 'Construction', 'Labs', 'Supply Co.', 'Consulting', 'Media', 'Auto Group'],
  sources: ['Website form', 'Trade show', 'Referral', 'Cold call', 'LinkedIn', 'Webinar', 'Partner', 'Google Ads'],
  phonePrefixes: [
    { prefix: '212', digits: 7 }, { prefix: '312', digits: 7 }, { prefix: '415', digits: 7 }, { prefix: '617', digits: 7 },
    { prefix: '646', digits: 7 }, { prefix: '702', digits: 7 }, { prefix: '206', digits: 7 }, { prefix: '303', digits: 7 },
    { prefix: '404', digits: 7 }, { prefix: '512', digits: 7 }, { prefix: '602', digits: 7 }, { prefix: '713', digits: 7 },
    { prefix: '214', digits: 7 }, { prefix: '305', digits: 7 }, { prefix: '615', digits: 7 }, { prefix: '919', digits: 7 },
  ],
  emailTld: 'com',
};

const DE: LeadSeedLocale = {
  firstNames: ['Anna', 'Lukas', 'Marie', 'Leon', 'Sophie', 'Paul', 'Emma', 'Jonas', 'Mia', 'Finn', 'Hannah', 'Elias', 'Lea', 'Noah', 'Lena', 'Ben', 'Laura', 'Felix', 'Julia', 'Maximilian', 'Sarah', 'Tim', 'Katharina', 'Jan', 'Johanna', 'Niklas', 'Clara', 'Moritz', 'Charlotte', 'David', 'Ida', 'Tobias', 'Greta', 'Florian', 'Frieda', 'Stefan', 'Sabine', 'Thomas', 'Petra', 'Andreas', 'Mehmet', 'Ayşe', 'Luca', 'Emilia', 'Jürgen', 'Ulrike'],
  lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Schmitz', 'Krause', 'Meier', 'Lehmann', 'Köhler', 'Maier', 'Herrmann', 'König', 'Walter', 'Mayer', 'Huber', 'Kaiser', 'Fuchs', 'Peters', 'Lang', 'Yılmaz', 'Kaya'],
  companyStems: ['Nordlicht', 'Rheintal', 'Alpen', 'Hansa', 'Spree', 'Elbe', 'Schwarzwald', 'Isar', 'Mosel', 'Weser', 'Harz', 'Eifel', 'Bodensee', 'Ostsee', 'Taunus', 'Neckar', 'Main', 'Havel', 'Allgäu', 'Ruhr'],
  companySuffixes: ['Maschinenbau GmbH', 'Logistik GmbH', 'Software AG', 'Bau GmbH', 'Versicherungsmakler', 'Elektrotechnik KG', 'Immobilien GmbH', 'Medizintechnik GmbH', 'Energie AG', 'Feinkost GmbH', 'Steuerberatung', 'Automobile GmbH', 'Druckerei', 'Consulting GmbH'],
  sources: ['Website', 'Messe', 'Empfehlung', 'Kaltakquise', 'LinkedIn', 'XING', 'Webinar', 'Partner'],
  phonePrefixes: [
    { prefix: '030', digits: 7 }, { prefix: '030', digits: 8 }, { prefix: '040', digits: 7 }, { prefix: '089', digits: 7 },
    { prefix: '069', digits: 7 }, { prefix: '0221', digits: 7 }, { prefix: '0211', digits: 7 }, { prefix: '0711', digits: 7 },
    { prefix: '0151', digits: 8 }, { prefix: '0160', digits: 7 }, { prefix: '0170', digits: 7 }, { prefix: '0171', digits: 7 },
    { prefix: '0176', digits: 8 }, { prefix: '0172', digits: 7 },
  ],
  emailTld: 'de',
};

export const LEAD_SEED_LOCALES: Record<string, LeadSeedLocale> = { US, DE };
