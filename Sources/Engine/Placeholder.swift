// Placeholder; filled by the Engine work.
