"""The claims: the table and its filters, how a claim looks, and keyboard triage."""
