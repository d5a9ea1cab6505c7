"""The window's controllers: each is handed the window as a narrow view (a Protocol) and tested without it."""
