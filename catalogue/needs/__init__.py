"""Pages where a city describes a need and reads the hubs that fit it."""
