"""The window: composes the panes and controllers; its menus, shortcuts and dialog hooks."""
