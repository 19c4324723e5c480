"""Extraction engine: metadata, claims, assessments and exercises recovered from source text."""
