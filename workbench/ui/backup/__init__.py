"""File ▸ Back up now and Restore from backup."""
