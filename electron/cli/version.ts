import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'cryolog';

/**
 * The app version from CryoLog's package.json, found by walking up from this module (out/main
 * when built, electron/cli under tsx). Read at run time so the build needs no JSON import;
 * another project's package.json on the way up is skipped by its name.
 */
export function appVersion(start: string = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const version = versionIn(path.join(dir, 'package.json'));
    if (version) return version;
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}

function versionIn(file: string): string | undefined {
  try {
    const pkg: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (pkg && typeof pkg === 'object' && 'name' in pkg && pkg.name === PACKAGE_NAME && 'version' in pkg && typeof pkg.version === 'string') {
      return pkg.version;
    }
  } catch {
    // Missing or unreadable: keep walking up.
  }
  return undefined;
}
