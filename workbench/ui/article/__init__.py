"""The article pane: the text with every claim highlighted, and Qt's text positions."""
