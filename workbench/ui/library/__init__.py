"""Bringing articles onto the desk: import, paste, open an earlier one; claims found on a worker."""
