import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FUZZ_SEED, fuzzSeed, screenshotDir, TEST_RESULTS } from '../../support/run-env';

describe('fuzzSeed', () => {
  it('is fixed when ASYSTA_FUZZ_SEED is not set, so two runs send the same payloads', () => {
    expect(fuzzSeed({})).toBe(DEFAULT_FUZZ_SEED);
    expect(fuzzSeed({ ASYSTA_FUZZ_SEED: '' })).toBe(DEFAULT_FUZZ_SEED);
  });

  it('takes a whole number from ASYSTA_FUZZ_SEED', () => {
    expect(fuzzSeed({ ASYSTA_FUZZ_SEED: '12345' })).toBe(12345);
    expect(fuzzSeed({ ASYSTA_FUZZ_SEED: ' -7 ' })).toBe(-7);
  });

  it('refuses a seed that is not a whole number instead of running with NaN', () => {
    for (const bad of ['abc', '1.5', '1e3', '99999999999999999999']) {
      expect(() => fuzzSeed({ ASYSTA_FUZZ_SEED: bad }), bad).toThrow(/ASYSTA_FUZZ_SEED must be a whole number/);
    }
  });
});

describe('screenshotDir', () => {
  const court = join(TEST_RESULTS, 'court');

  it('takes no screenshots by default', () => {
    expect(screenshotDir(court, {})).toBeNull();
    expect(screenshotDir(court, { ASYSTA_SCREENSHOTS: '0' })).toBeNull();
    expect(screenshotDir(court, { ASYSTA_SCREENSHOTS: ' ' })).toBeNull();
  });

  it('keeps them in the test\'s own folder with ASYSTA_SCREENSHOTS=1', () => {
    expect(screenshotDir(court, { ASYSTA_SCREENSHOTS: '1' })).toBe(court);
  });

  it('puts them below another folder, in the same subfolders, when ASYSTA_SCREENSHOTS names one', () => {
    expect(screenshotDir(court, { ASYSTA_SCREENSHOTS: '/tmp/dowody' })).toBe(resolve('/tmp/dowody', 'court'));
    expect(screenshotDir(join(TEST_RESULTS, 'e2e'), { ASYSTA_SCREENSHOTS: '/tmp/dowody' })).toBe(resolve('/tmp/dowody', 'e2e'));
  });

  it('refuses a test folder outside test-results/ when the evidence is moved', () => {
    expect(() => screenshotDir('/tmp/elsewhere', { ASYSTA_SCREENSHOTS: '/tmp/dowody' })).toThrow(/is not below/);
  });
});
