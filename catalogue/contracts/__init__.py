"""Typed request and response models of the JSON API (pydantic), which also give its schemas."""
