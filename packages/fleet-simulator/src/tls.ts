import { isIP } from 'node:net';
import { generate } from 'selfsigned';

export interface SimulatorTls {
  /** PEM of the CA that signed the server certificate. */
  caPem: string;
  /** base64 of the CA PEM, as kubeconfigs carry it (`certificate-authority-data`). */
  caData: string;
  key: string;
  cert: string;
}

/**
 * A throw-away CA and a server certificate it signs, for localhost, 127.0.0.1, ::1 and `host`.
 * EC P-256 keys: generation takes milliseconds.
 */
export async function generateSimulatorTls(
  host: string,
): Promise<SimulatorTls> {
  const notBeforeDate = new Date(Date.now() - 60 * 60 * 1000);
  const notAfterDate = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);
  const ca = await generate(
    [{ name: 'commonName', value: 'fleet-simulator CA' }],
    {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate,
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        {
          name: 'keyUsage',
          keyCertSign: true,
          cRLSign: true,
          digitalSignature: true,
          critical: true,
        },
      ],
    },
  );
  const altNames: Array<{ type: 2 | 7; value?: string; ip?: string }> = [
    { type: 2, value: 'localhost' },
    { type: 7, ip: '127.0.0.1' },
    { type: 7, ip: '::1' },
  ];
  if (isIP(host) && host !== '127.0.0.1' && host !== '::1')
    altNames.push({ type: 7, ip: host });
  if (!isIP(host) && host !== 'localhost')
    altNames.push({ type: 2, value: host });
  const server = await generate(
    [{ name: 'commonName', value: 'fleet-simulator' }],
    {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate,
      ca: { key: ca.private, cert: ca.cert },
      extensions: [
        { name: 'basicConstraints', cA: false, critical: true },
        {
          name: 'keyUsage',
          digitalSignature: true,
          keyEncipherment: true,
          critical: true,
        },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames },
      ],
    },
  );
  return {
    caPem: ca.cert,
    caData: Buffer.from(ca.cert, 'utf8').toString('base64'),
    key: server.private,
    cert: server.cert,
  };
}
