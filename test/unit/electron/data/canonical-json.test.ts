import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH } from '../../../../electron/data/audit-chain';
import { canonicalJson } from '../../../../electron/data/canonical-json';

describe('canonical JSON (hash-frozen)', () => {
  it('writes the bytes the audit chain was built on: sorted keys, undefined left out or null, JSON.stringify escaping', () => {
    const value = { z: 1, a: [3, 'ż', null, undefined, { y: true, b: undefined, ä: -0, '10': 1e21 }], m: 'line\n"quote"\u2028', '': 0.1 };
    expect(canonicalJson(value)).toBe('{"":0.1,"a":[3,"ż",null,null,{"10":1e+21,"y":true,"ä":0}],"m":"line\\n\\"quote\\"\u2028","z":1}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([undefined])).toBe('[null]');
    expect(canonicalJson('ą')).toBe('"ą"');
  });

  it('gives an audit entry the hash it had when the chain format was fixed', () => {
    const row = {
      id: 1,
      at: '2026-03-02T08:00:00.000Z',
      actorId: 'u1',
      action: 'office.create',
      entityType: 'office',
      entityId: '1',
      caseId: null,
      details: canonicalJson({ name: 'GOPS w Bielicach', city: 'Bielice' }),
      prevHash: GENESIS_HASH,
    };
    // Pinned: a different hash means every office's existing audit chain would fail verification.
    expect(entryHash(row)).toBe('ab00e06ea9afb2a9e42bb8d323d8fffb2b8a7a10eef26e33e8c642f8d95e9c5d');
  });
});
