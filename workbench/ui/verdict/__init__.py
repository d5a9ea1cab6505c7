"""The verdict editor: rating, confidence, rationale and sources for one claim."""
