"""Great Expectations suites, one module per table, and the runner that validates a run."""
