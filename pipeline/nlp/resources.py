"""The data-file helpers now live in ``pipeline.resources`` (every stage uses them, and ingest
must not import nlp); the nlp components keep importing them from here."""
from pipeline.resources import compile_pattern, models_dir, read_patterns, read_table

__all__ = ["compile_pattern", "models_dir", "read_patterns", "read_table"]
