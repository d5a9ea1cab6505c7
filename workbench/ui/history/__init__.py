"""The history of a claim or an article: who changed what, and when."""
