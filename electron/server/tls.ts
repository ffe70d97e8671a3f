/**
 * The office server's own certificate authority and server certificate (node-forge: pure JS, so
 * the same code runs on the office's Windows PC). Keys are made by Node's own crypto; forge only
 * builds and signs the X.509 structures. Clients pin the CA by its SHA-256 fingerprint (the
 * pairing code carries it) and connect with verify-full: the chain must end at this CA and the
 * server certificate must name the host the client dialled.
 */
import { X509Certificate, createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';

export interface KeyAndCertificate {
  certPem: string;
  keyPem: string;
}

const CA_YEARS = 20;
const SERVER_YEARS = 10;

function rsaKeyPair(bits: number): { publicPem: string; privatePem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function newCertificate(publicPem: string, years: number, now: Date): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicPem);
  // A positive 128-bit serial (the leading byte below 0x80).
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(now.getTime() - 5 * 60_000);
  cert.validity.notAfter = new Date(now.getTime());
  cert.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + years);
  return cert;
}

function privateKey(pem: string): forge.pki.rsa.PrivateKey {
  return forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
}

/** A new certificate authority for one office server. */
export function createCertificateAuthority(officeLabel: string, now = new Date()): KeyAndCertificate {
  const keys = rsaKeyPair(3072);
  const cert = newCertificate(keys.publicPem, CA_YEARS, now);
  const name = [
    { name: 'commonName', value: `Asysta - CA serwera (${officeLabel})` },
    { name: 'organizationName', value: 'Asysta' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(privateKey(keys.privatePem), forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privatePem };
}

/**
 * A server certificate signed by `ca`, naming every host in `hosts` (DNS names and IP addresses)
 * in its subjectAltName. `certPem` holds the server certificate followed by the CA's, so that the
 * server sends the whole chain (a client taking the CA for the first time reads it from there).
 */
export function issueServerCertificate(ca: KeyAndCertificate, hosts: readonly string[], now = new Date()): KeyAndCertificate {
  if (hosts.length === 0) throw new Error('A server certificate needs at least one host');
  const keys = rsaKeyPair(2048);
  const cert = newCertificate(keys.publicPem, SERVER_YEARS, now);
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  cert.setSubject([{ name: 'commonName', value: hosts[0] ?? 'asysta' }, { name: 'organizationName', value: 'Asysta' }]);
  cert.setIssuer(caCert.subject.attributes);
  const altNames = hosts.map((host) => (isIP(host) ? { type: 7, ip: host } : { type: 2, value: host }));
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(privateKey(ca.keyPem), forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert) + ca.certPem, keyPem: keys.privatePem };
}

/** SHA-256 over the certificate's DER encoding (the first certificate of a PEM bundle). */
export function certificateFingerprint(certPem: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(new X509Certificate(certPem).raw).digest());
}

/** The fingerprint as it is shown to people: "AB:CD:…" (64 hex digits). */
export function formatFingerprint(fingerprint: Uint8Array): string {
  return Buffer.from(fingerprint).toString('hex').toUpperCase().replace(/(..)(?!$)/g, '$1:');
}

/** The day the (first) certificate of a PEM bundle stops being valid. */
export function certificateExpiry(certPem: string): Date {
  return new Date(new X509Certificate(certPem).validTo);
}
