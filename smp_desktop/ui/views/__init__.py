"""Widgets that only build and lay out the screen; behaviour lives in the controllers."""
