"""Pages for the workshop audience."""
