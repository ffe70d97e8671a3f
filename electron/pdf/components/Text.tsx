import type { ComponentProps, ReactNode } from 'react';
import { Text as PdfText } from '@react-pdf/renderer';
import { typeset } from '../../../shared/polish';

/** react-pdf's Text props without its SVG variant (which requires x and y). */
type TextProps = Exclude<ComponentProps<typeof PdfText>, { x: string | number }>;

/** Text children made only of strings and numbers, joined (JSX splits "dnia {date}" into pieces). */
function plainText(children: ReactNode): string | null {
  if (typeof children === 'string') return children;
  if (typeof children === 'number') return String(children);
  if (Array.isArray(children) && children.every((child) => typeof child === 'string' || typeof child === 'number')) {
    return children.join('');
  }
  return null;
}

/**
 * The one <Text> of every printed document: react-pdf's, with its text typeset by the Polish rules
 * (shared/polish.ts typeset: no one-letter word at a line end, "2026 r." and "art. 15" kept
 * together). Text mixed with elements (nested <Text>) is typeset piece by piece.
 */
export function Text({ children, ...props }: TextProps) {
  if (typeof children === 'function') return <PdfText {...props}>{children}</PdfText>;
  const plain = plainText(children);
  if (plain !== null) return <PdfText {...props}>{typeset(plain)}</PdfText>;
  const pieces = Array.isArray(children) ? children.map((child: ReactNode) => (typeof child === 'string' ? typeset(child) : child)) : children;
  return <PdfText {...props}>{pieces}</PdfText>;
}
