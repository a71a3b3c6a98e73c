"""Typed models of the platform's contracts (pydantic): the interchange format, the API's
requests and responses. Each validates input, builds output and gives the JSON Schema."""
