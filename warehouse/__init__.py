"""DuckDB adapter: DDL and views (``sql/``), loading and read-only queries."""
