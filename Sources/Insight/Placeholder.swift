// Placeholder; filled by the Insight work.
