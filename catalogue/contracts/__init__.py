"""Typed models of the platform's contracts: the interchange format, the API's requests and
responses. Each validates input, builds output and emits the JSON Schema, so they cannot drift."""
