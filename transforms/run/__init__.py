"""Run bookkeeping: planning which files to read, batches, ids, the fault boundary, quarantine, run rows and Arrow tables."""
