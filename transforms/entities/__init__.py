"""Entities: the model's mentions repaired, merged into one entity per real thing, with canonical names and aliases."""
