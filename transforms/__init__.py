"""Pure, typed transforms: text and records in, records or Arrow tables out. No I/O here."""
