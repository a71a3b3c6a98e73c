"""Placeholder: being written."""
def seed_catalogue(session, seed_dir): raise NotImplementedError
