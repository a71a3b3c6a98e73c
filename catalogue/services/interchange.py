"""Placeholder: being written."""
def count_records(document): raise NotImplementedError
def import_catalogue(session, document, *, prune=False, progress=None): raise NotImplementedError
def export_catalogue(session): raise NotImplementedError
def describe_counts(document): raise NotImplementedError
