import { describe, expect, it } from 'vitest';
import { ELECTRON_FUSES } from '../../electron/main/security/fuses';

// Electron security #19: the fuse map the packaging hook applies (architecture.md §2.1).
describe('ELECTRON_FUSES (Electron security #19)', () => {
  it('matches the checklist exactly', () => {
    expect(ELECTRON_FUSES).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableCookieEncryption: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('is a frozen map of booleans', () => {
    expect(Object.isFrozen(ELECTRON_FUSES)).toBe(true);
    for (const value of Object.values(ELECTRON_FUSES)) expect(typeof value).toBe('boolean');
  });
});
