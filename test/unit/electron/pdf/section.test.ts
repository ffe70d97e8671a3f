import { describe, expect, it } from 'vitest';
import { paragraphStyle } from '../../../../electron/pdf/components/Section';

describe('paragraph alignment', () => {
  it('left-aligns short text (justified, a line or two opens wide gaps) and justifies long text', () => {
    const last = (text: string) => Object.assign({}, ...paragraphStyle(text)) as { textAlign?: string };
    expect(last('Rodzina współpracuje.').textAlign).toBe('left');
    expect(last('Rodzina współpracuje chętnie, dotrzymuje ustaleń. '.repeat(8)).textAlign).toBe('justify');
  });
});
