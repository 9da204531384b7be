"""Dialogs the user answers: first run, about, duplicates, unsaved changes, database check."""
