"""Channel connectors: receive or poll payloads, perform actions; one module per channel."""
