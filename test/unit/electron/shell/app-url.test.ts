/**
 * The one check of "is this the app's address", used by the protocol handler and the IPC sender
 * check, on the URL strings Electron passes. (It compares protocol and host: Node's URL gives
 * every app: URL the origin "null", which is why comparing origins refused the app itself.)
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, isAppUrl, rendererFile } from '../../../../electron/shell/app-url';

const ROOT = resolve('/opt/asysta/resources/app.asar/dist/renderer');

describe('isAppUrl', () => {
  it('knows the app’s own pages, whose origin Node reports as "null"', () => {
    expect(new URL(APP_INDEX_URL).origin).toBe('null');
    expect(isAppUrl('app://asysta/index.html')).toBe(true);
    expect(isAppUrl('app://asysta/assets/index-abc.js')).toBe(true);
    expect(isAppUrl('app://asysta/')).toBe(true);
    expect(isAppUrl('app://asysta/index.html#/sprawy')).toBe(true);
  });

  it('refuses other hosts, schemes, credentials and malformed strings', () => {
    for (const url of [
      'app://evil/index.html',
      'app://asysta.evil/index.html',
      'app://evil.asysta/index.html',
      'app://asysta:8080/index.html',
      'app://user@asysta/index.html',
      'file:///C:/Program%20Files/Asysta/resources/app.asar/dist/renderer/index.html',
      'file:///opt/asysta/index.html',
      'https://asysta/index.html',
      'http://asysta/index.html',
      'apps://asysta/index.html',
      'asysta/index.html',
      'about:blank',
      '',
      'app:asysta',
      'http://[::1',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('rendererFile', () => {
  it('maps the app’s paths to files of the build', () => {
    expect(rendererFile(ROOT, 'app://asysta/index.html')).toBe(join(ROOT, 'index.html'));
    expect(rendererFile(ROOT, 'app://asysta/')).toBe(join(ROOT, 'index.html'));
    expect(rendererFile(ROOT, 'app://asysta/assets/index-abc.js')).toBe(join(ROOT, 'assets', 'index-abc.js'));
    expect(rendererFile(ROOT, 'app://asysta/assets/index-abc.js?v=1#x')).toBe(join(ROOT, 'assets', 'index-abc.js'));
    expect(rendererFile(ROOT, 'app://asysta/assets/DejaVu%20Sans.woff2')).toBe(join(ROOT, 'assets', 'DejaVu Sans.woff2'));
  });

  it('resolves dot segments the way the URL parser does, never above the build', () => {
    // %2e%2e is a dot-dot segment to the URL parser: it climbs to the root of app://asysta/ and no further.
    expect(rendererFile(ROOT, 'app://asysta/%2e%2e/%2e%2e/package.json')).toBe(join(ROOT, 'package.json'));
    expect(rendererFile(ROOT, 'app://asysta/assets/../../../index.html')).toBe(join(ROOT, 'index.html'));
  });

  it('refuses traversal, however it is spelled, foreign hosts and malformed URLs', () => {
    for (const url of [
      'app://asysta/..%2f..%2fpackage.json',
      'app://asysta/..%2F..%2Fpackage.json',
      'app://asysta/assets/..%2f..%2f..%2felectron%2fmain.cjs',
      'app://asysta/..%5c..%5cpackage.json',
      'app://asysta/assets%5c..%5c..%5cpackage.json',
      'app://asysta/%2e%2e%5cpackage.json',
      'app://asysta/index.html%00.js',
      'app://asysta/%E0%A4%A',
      'app://asysta/assets/%',
      'app://evil/index.html',
      'https://asysta/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(rendererFile(ROOT, url), url).toBeNull();
    }
  });
});
