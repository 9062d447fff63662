"""HTTP routes, one module per surface: ui, api, webhooks, health (+ /docs)."""
