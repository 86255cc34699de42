import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_PRODUCTION } from '../../shared/security/csp';
import { resolveAssetPath } from '../../electron/main/security/assetPath';
import { contentTypeFor, serveAsset } from '../../electron/main/security/serveAsset';

// Electron security #18: app:// serves only files of the built renderer.
const ROOT = path.resolve('/srv/cryolog/out/renderer');

describe('resolveAssetPath (Electron security #18)', () => {
  it.each([
    ['app://cryolog/', 'index.html'],
    ['app://cryolog/index.html', 'index.html'],
    ['app://cryolog/index.html#/session/1', 'index.html'],
    ['app://cryolog/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://cryolog/assets/index-abc.css?v=2', 'assets/index-abc.css'],
    ['app://cryolog/assets/my%20font.woff2', 'assets/my font.woff2'],
    ['app://cryolog/assets/.hidden', 'assets/.hidden'],
    ['app://cryolog/assets/a..b.js', 'assets/a..b.js'],
  ])('%s → <root>/%s', (url, relative) => {
    expect(resolveAssetPath(ROOT, url)).toBe(path.join(ROOT, relative));
  });

  it.each([
    // traversal, raw and percent-encoded
    'app://cryolog/../../etc/passwd',
    'app://cryolog/assets/../../../etc/passwd',
    'app://cryolog/%2e%2e/%2e%2e/etc/passwd',
    'app://cryolog/%2E%2E/etc/passwd',
    'app://cryolog/.%2e/etc/passwd',
    'app://cryolog/./index.html',
    'app://cryolog/assets/..',
    'app://cryolog/..%2fetc%2fpasswd',
    'app://cryolog/%2e%2e%2fetc%2fpasswd',
    'app://cryolog/..%5c..%5cwindows%5cwin.ini',
    'app://cryolog/%252e%252e/etc/passwd',
    // backslashes
    'app://cryolog/..\\..\\etc\\passwd',
    'app://cryolog/assets\\index.js',
    // absolute paths and drive letters
    'app://cryolog//etc/passwd',
    'app://cryolog/C:/Windows/win.ini',
    'app://cryolog/C%3A/Windows/win.ini',
    '/etc/passwd',
    '/../../etc/passwd',
    'C:\\Windows\\win.ini',
    // NUL and control characters
    'app://cryolog/index.html%00.png',
    'app://cryolog/index%0a.html',
    // malformed encoding
    'app://cryolog/%E0%A4%A',
    // other hosts, schemes, credentials
    'app://cryolog.evil/index.html',
    'app://evil/index.html',
    'app://cryolog@evil/index.html',
    'app://user@cryolog/index.html',
    'app://cryolog:81/index.html',
    'file:///etc/passwd',
    'http://cryolog/index.html',
    'https://cryolog/index.html',
    'data:text/html,x',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(resolveAssetPath(ROOT, url)).toBeNull();
  });

  it('refuses a relative renderer root', () => {
    expect(resolveAssetPath('out/renderer', 'app://cryolog/index.html')).toBeNull();
  });

  it('never answers a path outside the root, whatever the URL', () => {
    const samples = ['a', '..', '%2e', '/', '\\', '%2f', '%5c', '.', 'x%00', ':', '%3a', '%25', '?', '#'];
    for (const a of samples)
      for (const b of samples)
        for (const c of samples) {
          const result = resolveAssetPath(ROOT, `app://cryolog/${a}${b}${c}`);
          if (result !== null) expect(result.startsWith(ROOT + path.sep), result).toBe(true);
        }
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.PNG', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.json', 'application/json; charset=utf-8'],
    ['noext', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('serveAsset (the app:// handler without Electron)', () => {
  let dir: string;
  let root: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cryolog-assets-'));
    root = path.join(dir, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>CryoLog</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
    writeFileSync(path.join(dir, 'secret.txt'), 'patient data');
    symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves index.html for / with the production CSP header', async () => {
    const answer = await serveAsset(root, 'app://cryolog/');
    expect(answer.status).toBe(200);
    expect(answer.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['Content-Security-Policy']).toBe(CSP_PRODUCTION);
    expect(answer.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(Buffer.from(answer.body).toString()).toContain('<title>CryoLog</title>');
  });

  it('serves scripts and styles with their content types', async () => {
    const js = await serveAsset(root, 'app://cryolog/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    const css = await serveAsset(root, 'app://cryolog/assets/app.css');
    expect(css.headers['Content-Type']).toBe('text/css; charset=utf-8');
  });

  it('refuses traversal with 403 and never reads the file', async () => {
    for (const url of ['app://cryolog/../secret.txt', 'app://cryolog/%2e%2e/secret.txt', 'app://cryolog/..%2fsecret.txt']) {
      const answer = await serveAsset(root, url);
      expect(answer.status, url).toBe(403);
      expect(String(answer.body)).not.toContain('patient data');
      expect(answer.headers['Content-Security-Policy']).toBe(CSP_PRODUCTION);
    }
  });

  it('refuses a symlink that leaves the renderer folder', async () => {
    const answer = await serveAsset(root, 'app://cryolog/assets/link.txt');
    expect(answer.status).toBe(403);
    expect(String(answer.body)).not.toContain('patient data');
  });

  it('answers 404 for missing files and directories, 405 for writes', async () => {
    expect((await serveAsset(root, 'app://cryolog/missing.js')).status).toBe(404);
    expect((await serveAsset(root, 'app://cryolog/assets')).status).toBe(404);
    expect((await serveAsset(root, 'app://cryolog/index.html', 'POST')).status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const answer = await serveAsset(root, 'app://cryolog/index.html', 'HEAD');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('');
  });
});
