// Placeholder; filled by the NcursesTerminal work.
