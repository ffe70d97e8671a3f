/**
 * Decrypted PDFs handed to the system viewer stay on disk only while the viewer needs them
 * (issue 14): removed after the grace period, retried while a viewer (Windows) keeps the file
 * locked, kept for a viewer that opened the same document again, and all gone on lock or exit.
 */
import { existsSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { TempFiles } from '../../../../electron/services/document-handlers';
import { tempDir } from '../../../support/backend';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const PDF = new TextEncoder().encode('%PDF-1.7 nazwisko PESEL\n%%EOF');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, condition: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i++) await sleep(10);
  expect(condition(), what).toBe(true);
}

function files(options: { locked?: () => boolean } = {}) {
  const dir = tempDir();
  dirs.push(dir);
  const removed: string[] = [];
  const temp = new TempFiles(dir, {
    graceMs: 150,
    retryMs: 40,
    remove: (path) => {
      if (options.locked?.()) throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
      rmSync(path, { force: true });
      removed.push(path);
    },
  });
  return { temp, removed };
}

describe('temporary PDFs for the system viewer', () => {
  it('are removed once the viewer has had its grace period', async () => {
    const { temp } = files();
    const path = temp.write('kontrakt-socjalny-1-2026.pdf', PDF);
    temp.release(path);
    expect(existsSync(path)).toBe(true);
    expect(temp.waiting()).toEqual([path]);
    await until('removed after the grace period', () => !existsSync(path));
    expect(temp.waiting()).toEqual([]);
  });

  it('are tried again while a viewer keeps them locked, and go when it lets go', async () => {
    let locked = true;
    const { temp } = files({ locked: () => locked });
    const path = temp.write('plan-pracy-2-2026.pdf', PDF);
    temp.release(path);
    await sleep(300);
    expect(existsSync(path)).toBe(true);
    expect(temp.waiting()).toEqual([path]);
    locked = false;
    await until('removed once unlocked', () => !existsSync(path));
    expect(temp.waiting()).toEqual([]);
  });

  it('stay for a viewer that opened the same document again, for its own grace period', async () => {
    const { temp } = files();
    const path = temp.write('ocena-okresowa-3-2026.pdf', PDF);
    temp.release(path);
    await sleep(100);
    expect(temp.write('ocena-okresowa-3-2026.pdf', PDF)).toBe(path);
    temp.release(path);
    await sleep(100);
    // 200 ms after the first opening, 100 ms after the second: still there.
    expect(existsSync(path)).toBe(true);
    await until('removed after the second grace period', () => !existsSync(path));
  });

  it('go at once when no viewer took them, and all of them on lock, sign-out or exit', async () => {
    const { temp } = files();
    const unopened = temp.write('wniosek-4-2026.pdf', PDF);
    temp.discard(unopened);
    await until('an unopened file removed at once', () => !existsSync(unopened));
    const a = temp.write('a.pdf', PDF);
    const b = temp.write('b.pdf', PDF);
    temp.release(a);
    temp.release(b);
    temp.clean();
    expect([existsSync(a), existsSync(b)]).toEqual([false, false]);
    expect(temp.waiting()).toEqual([]);
  });
});
