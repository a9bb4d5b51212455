-- SMS replies find the contact behind a phone number (NpsStore.findContactsByPhone).
CREATE INDEX ${prefix}contacts_phone ON ${prefix}contacts (phone);
