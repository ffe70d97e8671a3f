/** The composition root: every channel of the map has exactly one handler, in one group. */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { channels } from '../../../../shared/ipc';
import { composeServices, handlerGroups, mergeHandlers } from '../../../../electron/app/composition';
import { tempDir } from '../../../support/backend';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('composition root', () => {
  it('answers every channel of the map with exactly one handler', () => {
    dir = tempDir();
    const groups = handlerGroups(composeServices({ dataDir: dir, idleCheckMs: 0 }), {});
    const owners = new Map<string, number>();
    for (const group of groups) for (const channel of Object.keys(group)) owners.set(channel, (owners.get(channel) ?? 0) + 1);
    const twice = [...owners].filter(([, n]) => n > 1).map(([channel]) => channel);
    const missing = Object.keys(channels).filter((channel) => !owners.has(channel));
    const unknown = [...owners.keys()].filter((channel) => !Object.hasOwn(channels, channel));
    expect({ twice, missing, unknown }).toEqual({ twice: [], missing: [], unknown: [] });
    expect(Object.keys(mergeHandlers(groups)).sort()).toEqual(Object.keys(channels).sort());
  });

  it('refuses to start when two groups answer the same channel', () => {
    dir = tempDir();
    const groups = handlerGroups(composeServices({ dataDir: dir, idleCheckMs: 0 }), {});
    const doubled = [...groups, { 'office:get': groups[1]['office:get'] }] as unknown as Parameters<typeof mergeHandlers>[0];
    expect(() => mergeHandlers(doubled)).toThrow('Channel office:get has two handlers');
  });
});
