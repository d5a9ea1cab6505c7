"""Use-cases shared by the window and the command line: plain Python, no Qt, no SQL."""
