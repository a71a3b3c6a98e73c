"""Pages for the public audience."""
