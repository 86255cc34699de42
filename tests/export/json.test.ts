// The full JSON export: a session file (docs/session-format.md) that a hospital's validator
// accepts, that reads back as what was exported, and that says whether it is a signed record.
import { describe, expect, it } from 'vitest';
import { SessionDocument } from '../../shared/domain/model';
import { sessionJson } from '../../shared/export/json';
import type { Ctx } from '../../electron/main/context';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { AMENDMENT_V2, SIGNER_V1, amendedSource, fixtureSource } from '../helpers/exportSource';
import { testContext } from '../helpers/tempDir';
import { sessionValidator } from '../fileformat/jsonSchema';

const validate = sessionValidator();
const HASH = 'ab'.repeat(32);

function call<C extends Channel>(ctx: Ctx, channel: C, request: Req<C>): Res<C> {
  const r = dispatch(ctx, channel, request) as Result<Res<C>>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

describe('sessionJson', () => {
  it.each(['S1', 'S2'] as const)('%s (signed): valid for zod and for the published JSON Schema, with its signature, and reads back unchanged', (name) => {
    const source = fixtureSource(name);
    const text = sessionJson(source, { sha256: HASH });
    const parsed: unknown = JSON.parse(text);
    expect(validate(parsed).errors).toEqual([]);
    const doc = SessionDocument.parse(parsed);
    expect(doc.signoff).toEqual({ version: 1, versions: [SIGNER_V1], sha256: HASH, enteredInError: null });
    const { signoff: _signoff, ...record } = doc;
    expect(record).toEqual(source.doc);
    expect(sessionJson({ ...source, doc }, { sha256: HASH })).toBe(text);
  });

  it('is two-space JSON with a newline at the end', () => {
    const text = sessionJson(fixtureSource('S1'));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "format": "cryolog.session",');
  });

  it('carries every signed version of an amended record, with the amendment reason', () => {
    const doc = SessionDocument.parse(JSON.parse(sessionJson(amendedSource('S1'))));
    expect(doc.signoff).toMatchObject({ version: 2, versions: [SIGNER_V1, AMENDMENT_V2], enteredInError: null });
    expect(doc.signoff).not.toHaveProperty('sha256');
    expect(validate(doc).valid).toBe(true);
  });

  it('has no signoff block for a draft or a preliminary file, even if the document carried one', () => {
    const signed = SessionDocument.parse(JSON.parse(sessionJson(fixtureSource('S1'))));
    for (const status of ['draft', 'preliminary'] as const) {
      const parsed = JSON.parse(sessionJson(fixtureSource('S2', { status, version: null, versions: [], doc: { ...fixtureSource('S2').doc, signoff: signed.signoff } })));
      expect(parsed).not.toHaveProperty('signoff');
      expect(validate(parsed).valid).toBe(true);
    }
  });

  it('marks a signed record entered in error with who, when and why', () => {
    const enteredInError = { at: '2026-03-12T10:00:00+00:00', by: 'Dr Imogen Hartley', reason: 'Recorded against the wrong patient' };
    const parsed = JSON.parse(sessionJson(fixtureSource('S1', { status: 'entered-in-error', enteredInError })));
    expect(parsed.signoff).toMatchObject({ version: 1, enteredInError });
    expect(validate(parsed).valid).toBe(true);
  });

  it('refuses a signature history with a gap (zod), and an unknown key in the block (zod and JSON Schema)', () => {
    const parsed = JSON.parse(sessionJson(amendedSource('S1')));
    const gap = { ...parsed, signoff: { ...parsed.signoff, versions: [AMENDMENT_V2] } };
    expect(SessionDocument.safeParse(gap).success).toBe(false);
    const extra = { ...parsed, signoff: { ...parsed.signoff, trusted: true } };
    expect(SessionDocument.safeParse(extra).success).toBe(false);
    expect(validate(extra).valid).toBe(false);
  });

  it('imports as a draft to be signed again: the block is ignored, not taken as a signature', () => {
    const ctx = testContext();
    const document = JSON.parse(sessionJson(fixtureSource('S1'), { sha256: HASH }));
    const { sessionId } = call(ctx, 'importSession', { document });
    expect(call(ctx, 'getSignoff', { sessionId })).toMatchObject({ version: 0, signedAt: null, versions: [] });
    const imported = call(ctx, 'getSession', { id: sessionId });
    expect(imported.session.status).toBe('draft');
    expect(imported).not.toHaveProperty('signoff');
    const origin = ctx.db!.prepare("SELECT new_value FROM audit_log WHERE entity = 'import' AND entity_id = ?").get(sessionId) as { new_value: string };
    expect(JSON.parse(origin.new_value)).toMatchObject({ statusInFile: 'completed', signedVersionInFile: 1, status: 'draft' });
  });
});
