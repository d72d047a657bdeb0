"""Business rules. Every public operation is one unit of work; nothing here imports Qt."""
