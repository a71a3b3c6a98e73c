"""The moderators' blueprint: the queue of claims and changes, and the mail outbox."""
