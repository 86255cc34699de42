import type { Io } from '../io';

/** "copied 40%" on stderr at each tenth, so a slow share shows it is moving without flooding a log. */
export function progressLines(io: Io, command: string): (percent: number) => void {
  let shown = -1;
  return (percent) => {
    const tenth = Math.floor(percent / 10) * 10;
    if (tenth <= shown) return;
    shown = tenth;
    io.err(`cryolog ${command}: copied ${tenth}%`);
  };
}
