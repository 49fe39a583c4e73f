/**
 * Checks a JWK's x5c certificate chain (RFC 7517 §4.7) up to configured roots, with WebCrypto
 * only, so it runs on the terminal: each certificate signed by the next, issuer names matching,
 * all valid at `now`, every issuer a CA, the last one signed by (or equal to) a trusted root.
 * RSA signatures (PKCS#1 v1.5, SHA-256/384/512) are what the administration PKI issues; any
 * other algorithm is refused, never skipped.
 */

interface Tlv {
  tag: number;
  /** The whole element, header included. */
  raw: Uint8Array;
  /** The contents only. */
  value: Uint8Array;
}

function readTlv(bytes: Uint8Array, offset: number): { tlv: Tlv; next: number } {
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  if (tag === undefined || length === undefined) throw new Error('the certificate is truncated');
  let header = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new Error('the certificate has an unsupported length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[offset + 2 + i] ?? 0);
    header += count;
  }
  const end = offset + header + length;
  if (end > bytes.length) throw new Error('the certificate is truncated');
  return {
    tlv: { tag, raw: bytes.subarray(offset, end), value: bytes.subarray(offset + header, end) },
    next: end,
  };
}

function children(parent: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  for (let offset = 0; offset < parent.length;) {
    const { tlv, next } = readTlv(parent, offset);
    out.push(tlv);
    offset = next;
  }
  return out;
}

function oid(value: Uint8Array): string {
  const first = value[0] ?? 0;
  const parts = [Math.floor(first / 40), first % 40];
  let n = 0;
  for (const byte of value.subarray(1)) {
    n = n * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(n);
      n = 0;
    }
  }
  return parts.join('.');
}

function time(tlv: Tlv): Date {
  const text = new TextDecoder().decode(tlv.value);
  const m = /^(\d{2,4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) throw new Error(`unsupported certificate time "${text}"`);
  let year = Number(m[1]);
  if (tlv.tag === 0x17) year += year < 50 ? 2000 : 1900;
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}

export interface ParsedCertificate {
  tbs: Uint8Array;
  signatureOid: string;
  signature: Uint8Array;
  issuer: string;
  subject: string;
  notBefore: Date;
  notAfter: Date;
  spki: Uint8Array;
  isCa: boolean;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export function parseCertificate(der: Uint8Array): ParsedCertificate {
  const [cert] = children(der);
  if (!cert || cert.tag !== 0x30) throw new Error('not a DER certificate');
  const [tbs, algorithm, signature] = children(cert.value);
  if (!tbs || !algorithm || !signature || signature.tag !== 0x03) throw new Error('not an X.509 certificate');
  const fields = children(tbs.value);
  const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const [, , issuer, validity, subject, spki, ...optional] = rest;
  if (!issuer || !validity || !subject || !spki) throw new Error('the certificate lacks required fields');
  const [notBefore, notAfter] = children(validity.value);
  if (!notBefore || !notAfter) throw new Error('the certificate has no validity');
  let isCa = false;
  const extensions = optional.find((f) => f.tag === 0xa3);
  const [extensionList] = extensions ? children(extensions.value) : [];
  for (const extension of extensionList ? children(extensionList.value) : []) {
    const [id, ...more] = children(extension.value);
    const content = more[more.length - 1];
    if (id && content && oid(id.value) === '2.5.29.19') {
      const [constraints] = children(content.value);
      const [ca] = constraints ? children(constraints.value) : [];
      isCa = ca?.tag === 0x01 && ca.value[0] !== 0;
    }
  }
  const [algorithmOid] = children(algorithm.value);
  return {
    tbs: tbs.raw,
    signatureOid: algorithmOid ? oid(algorithmOid.value) : '',
    // A BIT STRING's first byte counts unused bits (0 for signatures).
    signature: signature.value.subarray(1),
    issuer: hex(issuer.raw),
    subject: hex(subject.raw),
    notBefore: time(notBefore),
    notAfter: time(notAfter),
    spki: spki.raw,
    isCa,
  };
}

const RSA_HASHES: Record<string, string> = {
  '1.2.840.113549.1.1.11': 'SHA-256',
  '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
};

async function signedBy(cert: ParsedCertificate, issuer: ParsedCertificate): Promise<boolean> {
  const hash = RSA_HASHES[cert.signatureOid];
  if (!hash) throw new Error(`signature algorithm ${cert.signatureOid} is not accepted`);
  const key = await crypto.subtle.importKey(
    'spki',
    new Uint8Array(issuer.spki),
    { name: 'RSASSA-PKCS1-v1_5', hash },
    false,
    ['verify'],
  );
  return crypto.subtle.verify(
    'RSASSA-PKCS1-v1_5',
    key,
    new Uint8Array(cert.signature),
    new Uint8Array(cert.tbs),
  );
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export type ChainVerdict = { ok: true; leafJwk: { n: string; e: string } } | { ok: false; message: string };

/** x5c entries and roots are base64 (not base64url) DER, as RFC 7517 has them. */
export async function verifyX5cChain(
  x5c: readonly string[] | undefined,
  roots: readonly string[],
  now: Date,
): Promise<ChainVerdict> {
  if (!x5c || x5c.length === 0) return { ok: false, message: 'the key carries no x5c certificate chain' };
  if (roots.length === 0) return { ok: false, message: 'no trusted root is configured for FIT-Connect keys' };
  try {
    const chain = x5c.map((entry) => parseCertificate(fromBase64(entry)));
    const anchors = roots.map((root) => parseCertificate(fromBase64(root)));
    for (const [i, cert] of chain.entries()) {
      if (now < cert.notBefore || now > cert.notAfter)
        return { ok: false, message: `certificate ${i} of the chain is not valid at ${now.toISOString()}` };
      const issuer = chain[i + 1];
      if (!issuer) break;
      if (cert.issuer !== issuer.subject || !issuer.isCa || !(await signedBy(cert, issuer)))
        return { ok: false, message: `certificate ${i} is not issued by certificate ${i + 1} of the chain` };
    }
    const top = chain[chain.length - 1];
    if (!top) return { ok: false, message: 'the key carries no x5c certificate chain' };
    let anchored = false;
    for (const root of anchors) {
      if (hex(root.tbs) === hex(top.tbs) && hex(root.signature) === hex(top.signature)) anchored = true;
      else if (top.issuer === root.subject && root.isCa && now >= root.notBefore && now <= root.notAfter)
        anchored = await signedBy(top, root);
      if (anchored) break;
    }
    if (!anchored) return { ok: false, message: 'the chain does not lead to a configured root' };
    const leaf = chain[0];
    if (!leaf) return { ok: false, message: 'the key carries no x5c certificate chain' };
    const leafKey = await crypto.subtle.importKey(
      'spki',
      new Uint8Array(leaf.spki),
      { name: 'RSA-OAEP', hash: 'SHA-256' },
      true,
      ['encrypt'],
    );
    const jwk = await crypto.subtle.exportKey('jwk', leafKey);
    return { ok: true, leafJwk: { n: jwk.n ?? '', e: jwk.e ?? '' } };
  } catch (error) {
    return { ok: false, message: `the certificate chain cannot be read: ${(error as Error).message}` };
  }
}
