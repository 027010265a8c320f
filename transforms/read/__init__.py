"""Reading: a file's bytes to Articles (or Rejects): decoding, the raw, JSON and HTML formats, normalising text."""
