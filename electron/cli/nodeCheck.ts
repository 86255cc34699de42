// Runs before anything else is loaded: better-sqlite3 13 is built for Node 22 and crashes
// (not fails) on an older Node, so the version is checked while a clear message is still possible.
export const MIN_NODE_MAJOR = 22;

/** The message to print when this Node is too old, or null when it will do. */
export function nodeVersionProblem(version: string, execPath: string): string | null {
  const major = Number.parseInt(version.replace(/^v/, ''), 10);
  if (Number.isInteger(major) && major >= MIN_NODE_MAJOR) return null;
  return [
    `cryolog: this is Node.js ${version} (${execPath}); cryolog needs Node.js ${MIN_NODE_MAJOR} or later.`,
    `Install Node.js ${MIN_NODE_MAJOR} LTS and run cryolog with it, or run "npm run cryolog -- <arguments>"`,
    `from the CryoLog folder, which uses the Node.js ${MIN_NODE_MAJOR} that comes with the project.`,
  ].join('\n');
}
