import { X509Certificate } from 'node:crypto';
import { checkServerIdentity } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { certificateExpiry, certificateFingerprint, createCertificateAuthority, formatFingerprint, issueServerCertificate } from '../../../../electron/server/tls';

describe('server certificates', () => {
  const ca = createCertificateAuthority('test');
  const server = issueServerCertificate(ca, ['192.168.1.20', 'serwer-ops', '127.0.0.1']);

  it('the CA is a CA; the server certificate is signed by it, for server use, and the PEM carries the chain', () => {
    const caCert = new X509Certificate(ca.certPem);
    expect(caCert.ca).toBe(true);
    expect(caCert.verify(caCert.publicKey)).toBe(true);
    const leaf = new X509Certificate(server.certPem);
    expect(leaf.ca).toBe(false);
    expect(leaf.verify(caCert.publicKey)).toBe(true);
    expect(leaf.checkIssued(caCert)).toBe(true);
    expect(leaf.keyUsage).toContain('1.3.6.1.5.5.7.3.1');
    expect(server.certPem.endsWith(ca.certPem)).toBe(true);
  });

  it('names exactly the hosts given, IP addresses as IP entries', () => {
    const leaf = new X509Certificate(server.certPem);
    expect(leaf.subjectAltName).toBe('IP Address:192.168.1.20, DNS:serwer-ops, IP Address:127.0.0.1');
    const peer = { subject: { CN: '192.168.1.20' }, subjectaltname: leaf.subjectAltName ?? '' } as Parameters<typeof checkServerIdentity>[1];
    expect(checkServerIdentity('192.168.1.20', peer)).toBeUndefined();
    expect(checkServerIdentity('serwer-ops', peer)).toBeUndefined();
    expect(checkServerIdentity('192.168.1.21', peer)).toBeInstanceOf(Error);
    expect(checkServerIdentity('localhost', peer)).toBeInstanceOf(Error);
  });

  it('a fingerprint is SHA-256 of the DER; shown as 32 hex pairs', () => {
    const fingerprint = certificateFingerprint(ca.certPem);
    expect(formatFingerprint(fingerprint)).toBe(new X509Certificate(ca.certPem).fingerprint256);
    expect(certificateFingerprint(server.certPem)).not.toEqual(fingerprint);
  });

  it('the server certificate is valid for ten years from its making', () => {
    const made = new Date('2026-03-02T08:00:00Z');
    const expiry = certificateExpiry(issueServerCertificate(ca, ['127.0.0.1'], made).certPem);
    expect(expiry.getUTCFullYear()).toBe(2036);
  });
});
