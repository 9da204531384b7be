"""Use cases of the studio: every front door (UI, CLI, benchmark) calls these, with the acting staff member."""
