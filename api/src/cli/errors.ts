/** A failure a command reports in one line (`tdg <command>: message`, exit status 1), never a stack. */
export class CliError extends Error {}
