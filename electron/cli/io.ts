// Where the commands write: stdout carries only the result (JSON or the export text), so a
// script can pipe it; everything meant for a person goes to stderr.
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};
