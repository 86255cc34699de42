// A long session for the worst case of the PDF: S1 with each of its 3 targets given 30 freeze
// cycles (a 90-row cycles table over several pages) and a 400-word note. Synthetic data only.
import type { ExportSource } from '../../shared/export/source';
import { fixtureSource } from './exportSource';

export function longSessionSource(overrides: Partial<ExportSource> = {}): ExportSource {
  const source = fixtureSource('S1', overrides);
  for (const target of source.doc.targets) {
    const recorded = target.cycles;
    target.cycles = Array.from({ length: 30 }, (_, i) => ({ ...recorded[i % recorded.length]!, id: `${target.id.slice(0, 24)}${String(i + 1).padStart(12, '0')}`, seq: i + 1, siteNo: (i % 5) + 1 }));
  }
  source.doc.session.notes = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
  return source;
}
