"""The core the command line is a face over: the table contract (schemas), settings and errors."""
