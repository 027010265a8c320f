"""Prefect orchestration only: tasks do one piece of I/O and call into transforms/ or warehouse/."""
