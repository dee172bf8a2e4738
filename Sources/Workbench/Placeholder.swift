// Placeholder; filled by the Workbench work.
