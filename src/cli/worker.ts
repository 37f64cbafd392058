/** Worker-thread entry for `resume-fit analyze --jobs N` (filled in by the CLI's batch mode). */
export {};
