"""Ingest, chunk, embed, store and search the corpus: everything about files and models."""
