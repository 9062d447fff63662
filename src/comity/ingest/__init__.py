"""Ingest: turn channel payloads into comments and store them idempotently."""
