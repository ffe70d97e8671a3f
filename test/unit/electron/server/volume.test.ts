import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blockDeviceEncryption, volumeReport } from '../../../../electron/server/volume';
import { tempDir } from '../../../support/backend';

// A fake sysfs: /sys/dev/block/<major:minor>/{dm/uuid,dm/name,slaves/…}
const sys = tempDir('asysta-sysfs-');
afterAll(() => rmSync(sys, { recursive: true, force: true }));

function device(id: string, dm?: { uuid: string; name: string }, slaves: string[] = []): void {
  const dir = join(sys, 'dev', 'block', id);
  mkdirSync(dir, { recursive: true });
  if (dm) {
    mkdirSync(join(dir, 'dm'));
    writeFileSync(join(dir, 'dm', 'uuid'), dm.uuid + '\n');
    writeFileSync(join(dir, 'dm', 'name'), dm.name + '\n');
  }
  if (slaves.length > 0) {
    mkdirSync(join(dir, 'slaves'));
    for (const slave of slaves) symlinkSync(join(sys, 'dev', 'block', slave), join(dir, 'slaves', `dm-${slave.split(':')[1]}`));
  }
}

device('253:0', { uuid: 'CRYPT-LUKS2-0123456789abcdef-luks-root', name: 'luks-root' });
device('253:1', { uuid: 'LVM-AbCdEf', name: 'vg-dane' }, ['253:0']);
device('253:2', { uuid: 'LVM-GhIjKl', name: 'vg-plain' }, ['8:2']);
device('8:1');
device('8:2');

describe('encrypted volume check', () => {
  it('sees dm-crypt / LUKS directly and under LVM', () => {
    expect(blockDeviceEncryption(253, 0, sys)).toEqual({ state: 'encrypted', device: 'luks-root' });
    expect(blockDeviceEncryption(253, 1, sys)).toEqual({ state: 'encrypted', device: 'vg-dane' });
  });

  it('says so when the device is a plain partition or LVM on one', () => {
    expect(blockDeviceEncryption(8, 1, sys)).toEqual({ state: 'not-encrypted', device: '8:1' });
    expect(blockDeviceEncryption(253, 2, sys)).toEqual({ state: 'not-encrypted', device: 'vg-plain' });
  });

  it('cannot tell for file systems without a block device (tmpfs, overlay, network)', () => {
    expect(blockDeviceEncryption(0, 45, sys).state).toBe('unknown');
    expect(blockDeviceEncryption(9, 9, sys).state).toBe('unknown');
  });

  it('the report always carries the rule, whatever it found', () => {
    for (const found of [blockDeviceEncryption(253, 0, sys), blockDeviceEncryption(8, 1, sys), blockDeviceEncryption(0, 1, sys)]) {
      const lines = volumeReport(found).join('\n');
      expect(lines).toMatch(/musi leżeć na zaszyfrowanym dysku \(BitLocker w Windows Pro, LUKS w Linuksie\)/);
    }
    expect(volumeReport({ state: 'unknown', reason: 'x' })[0]).toBe('Zaszyfrowany dysk: nie można ustalić (x)');
  });
});
