/**
 * The largest flow file the studio reads or accepts: far above a 20,000-node flow
 * (DESIGN.md §7), low enough that a wrong file (a video, a disk image) is refused at once.
 */
export const maxFlowFileBytes = 32 * 1024 * 1024;

/** How many recently opened or written files the File menu remembers. */
export const maxRecentFiles = 10;
