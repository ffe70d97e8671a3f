/** The code as printed: groups of four characters (the form `session:recover` accepts back). */
export function groupRecoveryCode(code: string): string[] {
  const clean = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return clean.match(/.{1,4}/g) ?? [];
}
