"""The review desk: Qt widgets, models and dialogs."""
