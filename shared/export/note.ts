// The procedure note as content, independent of how it is drawn: the text export and the PDF
// both render this one structure, so they cannot say different things. Values are written
// with the real characters (°C, −, →, accented names); the text renderer turns the symbols
// into plain ASCII for notes boxes, the PDF keeps them (its fonts are embedded).
//
// The sections are the procedure-note headings of domain.md §7, in that order.

export const NOTE_HEADINGS = [
  'Patient and session',
  'Team',
  'Indication and goals',
  'Consent',
  'Pre-procedure checks',
  'Safety checks',
  'Local anaesthetic',
  'Technique and freeze cycles',
  'Devices',
  'Immediate outcome',
  'Complications',
  'Aftercare and follow-up',
  'Signature and amendments',
] as const;
export type NoteHeading = (typeof NOTE_HEADINGS)[number];

export interface NoteField {
  label: string;
  value: string;
}

export interface NoteTable {
  /** Column titles, e.g. Site, Cycle, Freeze, Thaw, Lowest temp, Ice ball, Outcome. */
  columns: string[];
  rows: string[][];
}

export type NoteBlock =
  | { kind: 'fields'; fields: NoteField[] }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  /** One treated target: "1. Left musculocutaneous nerve → branch to brachialis". */
  | { kind: 'target'; title: string; fields: NoteField[]; cycles: NoteTable };

export interface NoteSection {
  heading: NoteHeading;
  blocks: NoteBlock[];
}

export interface ProcedureNote {
  /** First line when the note is not the signed record: DRAFT, PRELIMINARY, ENTERED IN ERROR. */
  banner: string | null;
  title: string;
  /** The three identifiers, as printed on every PDF page: name, date of birth, NHS number 3-3-4. */
  patient: { name: string; dateOfBirth: string; nhsNumber: string };
  sections: NoteSection[];
  /** "Entered in CryoLog 0.1.0 (record version 2); signed by … on …; amendments: …". */
  closing: string[];
}
