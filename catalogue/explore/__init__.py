"""The explorer for policy makers: the map of Europe and the gap between needs and hubs."""
