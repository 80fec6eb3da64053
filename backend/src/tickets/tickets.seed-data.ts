/** Word lists for the demo tickets (tickets.seed.ts), per demo country. */
export interface TicketSeedLocale {
  firstNames: string[];
  lastNames: string[];
  /** `{n}` becomes a number (order, invoice, contract …). */
  subjects: string[];
  /** null: no description. */
  descriptions: (string | null)[];
  internalNotes: string[];
  publicNotes: string[];
  /** National-format prefixes (with the trunk 0 where the country has one) and subscriber lengths. */
  phonePrefixes: { prefix: string; digits: number }[];
  emailDomains: string[];
}

export const TICKET_SEED_TAGS = ['billing', 'refund', 'vip', 'bug', 'login', 'hardware', 'shipping', 'feedback', 'contract', 'onboarding', 'outage', 'callback'];

const US: TicketSeedLocale = {
  firstNames: ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Christopher', 'Lisa', 'Daniel', 'Nancy', 'Matthew', 'Betty', 'Anthony', 'Sandra', 'Mark', 'Ashley', 'Carlos', 'Maria', 'Wei', 'Aisha', 'Diego', 'Mei', 'Omar', 'Grace', 'Tyrone', 'Hannah'],
  lastNames: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Nguyen', 'Patel', 'Chen', 'Okafor', 'Rivera', 'Campbell', "O'Brien"],
  subjects: [
    'Refund request for order {n}',
    'Charged twice on invoice {n}',
    'Cannot log in to the customer portal',
    'Password reset email never arrives',
    'Package {n} shows delivered but never arrived',
    'Wrong item shipped in order {n}',
    'Question about my monthly bill',
    'Cancel my subscription',
    'Upgrade to the business plan',
    'App crashes when uploading a photo',
    'Headset not recognized after update',
    'Internet connection drops every evening',
    'Request a call back about contract {n}',
    'Change the billing address on my account',
    'Damaged box on arrival, order {n}',
    'How do I export my call history?',
    'Two-factor code not accepted',
    'Invoice {n} shows the wrong tax rate',
    'Missed delivery window, please reschedule',
    'Feedback on the new checkout page',
    'Service outage in my area?',
    'Add a second user to my account',
    'Warranty claim for device {n}',
    'Promo code SAVE20 does not apply',
    'Update the phone number on file',
    'Technician did not show up for appointment {n}',
    'Slow response times on the dashboard',
    'Close my account and delete my data',
    'Router keeps restarting',
    'Where is my refund for return {n}?',
  ],
  descriptions: [
    'Customer called in and was put on hold twice before reaching us. Please follow up today.',
    'The customer has already tried restarting and clearing the cache. Issue persists.',
    'Customer is polite but frustrated; this is their second contact about the same problem.',
    'Screenshot attached by the customer shows an error message on the final step.',
    'Customer asked for a written confirmation by email once this is resolved.',
    'Long-time customer (since 2019). Offered a goodwill credit if we cannot fix it this week.',
    'The problem started after the last update, according to the customer.',
    null,
  ],
  internalNotes: [
    'Checked the order history: the payment went through twice. Escalating to billing.',
    'Could not reproduce on my side. Asked the customer for the device model.',
    'Carrier confirms the package is stuck at the regional hub.',
    'Waiting on engineering, bug is tracked internally.',
    'Customer is a key account, keep the supervisor in the loop.',
    'Refund approved by the supervisor, processing now.',
    'Left a voicemail, will try again tomorrow morning.',
  ],
  publicNotes: [
    'Thanks for reaching out! We are looking into this and will get back to you shortly.',
    'We have issued the refund; it should appear on your statement within 5 to 7 business days.',
    'Could you send us a screenshot of the error message you are seeing?',
    'A replacement has been shipped today, you will receive the tracking number by email.',
    'We have reset your account; please try logging in again and let us know if it works.',
    'Sorry for the trouble! The issue has been fixed on our side.',
    'Your appointment has been rescheduled to next Tuesday between 9 and 11 am.',
  ],
  phonePrefixes: [
    { prefix: '212', digits: 7 }, { prefix: '312', digits: 7 }, { prefix: '415', digits: 7 }, { prefix: '617', digits: 7 },
    { prefix: '646', digits: 7 }, { prefix: '702', digits: 7 }, { prefix: '206', digits: 7 }, { prefix: '303', digits: 7 },
    { prefix: '404', digits: 7 }, { prefix: '512', digits: 7 }, { prefix: '713', digits: 7 }, { prefix: '305', digits: 7 },
  ],
  emailDomains: ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'aol.com', 'comcast.net'],
};

const DE: TicketSeedLocale = {
  firstNames: ['Anna', 'Lukas', 'Marie', 'Leon', 'Sophie', 'Paul', 'Emma', 'Jonas', 'Mia', 'Finn', 'Hannah', 'Elias', 'Lea', 'Noah', 'Lena', 'Ben', 'Laura', 'Felix', 'Julia', 'Maximilian', 'Sarah', 'Tim', 'Katharina', 'Jan', 'Johanna', 'Niklas', 'Clara', 'Moritz', 'Stefan', 'Sabine', 'Thomas', 'Petra', 'Andreas', 'Mehmet', 'Ayşe', 'Jürgen', 'Ulrike'],
  lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hartmann', 'Lange', 'Werner', 'Krause', 'Lehmann', 'Köhler', 'König', 'Huber', 'Kaiser', 'Fuchs', 'Yılmaz', 'Kaya'],
  subjects: [
    'Rückerstattung für Bestellung {n}',
    'Rechnung {n} doppelt abgebucht',
    'Anmeldung im Kundenportal nicht möglich',
    'E-Mail zum Zurücksetzen des Passworts kommt nicht an',
    'Paket {n} als zugestellt markiert, aber nicht angekommen',
    'Falscher Artikel in Bestellung {n} geliefert',
    'Frage zur Monatsrechnung',
    'Vertrag {n} kündigen',
    'Wechsel in den Business-Tarif',
    'App stürzt beim Hochladen von Fotos ab',
    'Headset wird nach dem Update nicht erkannt',
    'Internetverbindung bricht abends ab',
    'Rückruf zu Vertrag {n} erbeten',
    'Rechnungsadresse ändern',
    'Beschädigte Lieferung, Bestellung {n}',
    'Wie exportiere ich meinen Anrufverlauf?',
    'Zwei-Faktor-Code wird nicht akzeptiert',
    'Falscher Steuersatz auf Rechnung {n}',
    'Liefertermin verpasst, bitte neu vereinbaren',
    'Rückmeldung zur neuen Bestellseite',
    'Störung in meiner Region?',
    'Zweiten Benutzer zum Konto hinzufügen',
    'Garantiefall für Gerät {n}',
    'Gutscheincode wird nicht angenommen',
    'Telefonnummer im Kundenkonto aktualisieren',
    'Techniker zum Termin {n} nicht erschienen',
    'Dashboard lädt sehr langsam',
    'Konto schließen und Daten löschen (DSGVO)',
    'Router startet ständig neu',
    'Wo bleibt meine Erstattung für Retoure {n}?',
  ],
  descriptions: [
    'Kunde hat angerufen und musste zweimal warten. Bitte heute noch zurückmelden.',
    'Neustart und Cache leeren wurden bereits versucht, das Problem besteht weiter.',
    'Kundin ist freundlich, aber verärgert: zweiter Kontakt zum selben Thema.',
    'Laut Screenshot erscheint die Fehlermeldung im letzten Schritt.',
    'Kunde wünscht eine schriftliche Bestätigung per E-Mail.',
    'Langjähriger Kunde. Kulanzgutschrift anbieten, falls bis Ende der Woche keine Lösung.',
    'Das Problem tritt laut Kundin seit dem letzten Update auf.',
    null,
  ],
  internalNotes: [
    'Zahlungshistorie geprüft: doppelte Abbuchung bestätigt. An die Buchhaltung eskaliert.',
    'Bei mir nicht reproduzierbar. Kunde nach dem Gerätemodell gefragt.',
    'Spediteur bestätigt: Paket liegt im Verteilzentrum.',
    'Warten auf die Entwicklung, Fehler ist intern erfasst.',
    'Großkunde, Teamleitung bitte informiert halten.',
    'Erstattung von der Teamleitung freigegeben, wird bearbeitet.',
    'Auf die Mailbox gesprochen, versuche es morgen früh erneut.',
  ],
  publicNotes: [
    'Vielen Dank für Ihre Nachricht! Wir kümmern uns darum und melden uns in Kürze.',
    'Die Erstattung ist veranlasst und sollte in 5 bis 7 Werktagen auf Ihrem Konto sein.',
    'Könnten Sie uns bitte einen Screenshot der Fehlermeldung schicken?',
    'Ein Ersatzgerät ist heute verschickt worden, die Sendungsnummer erhalten Sie per E-Mail.',
    'Wir haben Ihr Konto zurückgesetzt. Bitte melden Sie sich erneut an.',
    'Entschuldigen Sie die Unannehmlichkeiten! Das Problem ist behoben.',
    'Ihr Termin wurde auf nächsten Dienstag zwischen 9 und 11 Uhr verlegt.',
  ],
  phonePrefixes: [
    { prefix: '030', digits: 7 }, { prefix: '040', digits: 7 }, { prefix: '089', digits: 7 }, { prefix: '069', digits: 7 },
    { prefix: '0221', digits: 7 }, { prefix: '0711', digits: 7 }, { prefix: '0151', digits: 8 }, { prefix: '0160', digits: 7 },
    { prefix: '0170', digits: 7 }, { prefix: '0176', digits: 8 },
  ],
  emailDomains: ['gmx.de', 'web.de', 't-online.de', 'gmail.com', 'posteo.de', 'outlook.de'],
};

export const TICKET_SEED_LOCALES: Record<string, TicketSeedLocale> = { US, DE };
