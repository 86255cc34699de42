// Entry of the Electron main process (placeholder until the shell lands).
export {};
