"""The practice library: real cases of public administrations, and the hubs that could help."""
