"""Prefect set-up (the API a run reports to, the shared local server) and the run's own processes."""
