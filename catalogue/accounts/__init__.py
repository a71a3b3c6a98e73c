"""The publishers' side: accounts, claims, editing, moderation and API tokens."""
