import { describe, expect, it } from 'vitest';
import { dbPathIn, defaultDbPath, defaultUserDataDir } from '../../electron/main/paths';

// The CLI must find the same file the app opens (Electron: appData joined with the product name).
describe('where the record database lives', () => {
  it('follows Electron userData on each platform', () => {
    expect(defaultUserDataDir('linux', {}, '/home/ada')).toBe('/home/ada/.config/CryoLog');
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ada')).toBe('/cfg/CryoLog');
    expect(defaultUserDataDir('darwin', {}, '/Users/ada')).toBe('/Users/ada/Library/Application Support/CryoLog');
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada')).toBe('C:\\Users\\ada\\AppData\\Roaming\\CryoLog');
  });

  it('puts cryolog.sqlite there unless CRYOLOG_DB names another file, for the app and the CLI alike', () => {
    expect(defaultDbPath('linux', {}, '/home/ada')).toBe('/home/ada/.config/CryoLog/cryolog.sqlite');
    expect(defaultDbPath('linux', { CRYOLOG_DB: '/srv/cryolog.sqlite' }, '/home/ada')).toBe('/srv/cryolog.sqlite');
    expect(dbPathIn('/profile', { CRYOLOG_DB: '/srv/cryolog.sqlite' }, 'linux')).toBe('/srv/cryolog.sqlite');
    expect(dbPathIn('/profile', {}, 'linux')).toBe('/profile/cryolog.sqlite');
  });
});
