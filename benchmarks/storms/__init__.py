"""Storm scenarios for the early-warning detector (see README.md)."""
