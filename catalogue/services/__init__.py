"""Domain operations: take a Session first, flush never commit, raise domain errors."""
