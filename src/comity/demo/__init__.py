"""The Haneul Coffee demo: a generated community stream and its loader."""
