// Placeholder; filled by the Journal work.
