-- Views for BI tools live in their own schema; they read the core tables and never write.
CREATE SCHEMA IF NOT EXISTS mart;
