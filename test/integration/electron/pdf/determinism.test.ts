/**
 * The document register returns identical bytes on reprint: rendering the same model gives the
 * same PDF, whatever was printed before in the same process (fontkit's glyph cache once made a
 * document lose letters, and change, depending on the documents rendered before it).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { renderRequest } from '../../../../electron/pdf/render';
import { allDocuments, longContract, planWithTasks } from '../../../fixtures/pdf/models';
import { FONT_DIR } from './pdf-helpers';

const options = { fontDir: FONT_DIR };
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('deterministic output', () => {
  it('renders the same model twice to identical bytes', async () => {
    for (const { name, request } of allDocuments) {
      const first = await renderRequest(request, options);
      const second = await renderRequest(request, options);
      expect(Buffer.compare(first, second), name).toBe(0);
    }
  });

  it('does not depend on the documents rendered before', async () => {
    const documents = [
      ...allDocuments.map(({ name, request }) => ({ name, request })),
      { name: 'long-contract', request: { kind: 'social-contract', model: longContract } as const },
      { name: 'plan-40', request: { kind: 'family-work-plan', model: planWithTasks(40) } as const },
    ];
    const forward = new Map<string, string>();
    for (const { name, request } of documents) forward.set(name, sha256(await renderRequest(request, options)));
    for (const { name, request } of [...documents].reverse()) {
      expect(sha256(await renderRequest(request, options)), name).toBe(forward.get(name));
    }
  });

  it('takes no time from the clock', async () => {
    const entry = allDocuments[0];
    if (entry === undefined) throw new Error('fixture missing');
    const before = await renderRequest(entry.request, options);
    // Only Date is faked: timers and promises run as usual.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-05-05T12:34:56Z'));
      const after = await renderRequest(entry.request, options);
      expect(Buffer.compare(before, after)).toBe(0);
      expect(Buffer.from(after).toString('latin1')).not.toContain('D:2031');
    } finally {
      vi.useRealTimers();
    }
  });
});
