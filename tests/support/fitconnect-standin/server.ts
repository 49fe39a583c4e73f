import { randomUUID, sign as signBytes, constants, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENTS } from '../../../protocol/fitconnect/api.js';

/**
 * A stand-in for FIT-Connect's Submission API (v1) and its OAuth token endpoint, on 127.0.0.1:
 * the real service cannot be reached from here. It implements the endpoints a sender uses, as
 * the vendored description (protocol/fitconnect/vendor/) has them, and keeps what arrives —
 * ciphertext only — for the receiving side (receive.py) to decrypt with an independent JOSE
 * implementation. Faults are injected per request to play a flaky or refusing service.
 */

export interface StandInKey {
  kid: string;
  publicJwk: JsonWebKey & { kid: string; x5c?: string[] };
  privateKey: KeyObject;
}

export interface StandInOptions {
  clientId: string;
  clientSecret: string;
  destinationId: string;
  encryptionKey: { kid: string; publicJwk: JsonWebKey & { kid: string; x5c?: string[] } };
  /** The receiving office's key for its accept/reject events. */
  destinationSigningKey: StandInKey;
  /** The delivery service's own key for submit events (served at /.well-known/jwks.json). */
  serviceSigningKey: StandInKey;
}

export type FaultAction =
  | { status: 401 | 409 | 422 | 500 | 503 }
  /** Never answer (the client's timeout fires); before or after doing the work. */
  | { hang: 'before' | 'after' }
  /** Close the connection without an answer; before or after doing the work. */
  | { drop: 'before' | 'after' };

export interface Fault {
  method: string;
  /** Matched against the path with `:id` segments as wildcards, e.g. '/v1/submissions/:id'. */
  path: string;
  action: FaultAction;
  /** How many matching requests it hits (default 1). */
  times?: number;
}

export interface StandInSubmission {
  submissionId: string;
  caseId: string;
  destinationId: string;
  announcedAttachments: string[];
  serviceType: unknown;
  attachments: Map<string, string>;
  encryptedData?: string;
  encryptedMetadata?: string;
  submitted: boolean;
  events: string[];
}

export interface StandIn {
  url: string;
  tokenUrl: string;
  submissions: Map<string, StandInSubmission>;
  /** Only the submitted ones: what the receiving office actually gets. */
  submitted(): StandInSubmission[];
  inject(fault: Fault): void;
  /** Requests seen, as "METHOD /path", for assertions on what the sender did. */
  log: string[];
  accept(submissionId: string): void;
  reject(submissionId: string, problem: { title: string; detail: string }): void;
  close(): Promise<void>;
}

export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const submissions = new Map<string, StandInSubmission>();
  const tokens = new Set<string>();
  const faults: (Fault & { left: number })[] = [];
  const log: string[] = [];
  const hanging = new Set<ServerResponse>();

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) problem(res, 500, 'internal', String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    log.push(`${method} ${url.pathname}`);
    const fault = takeFault(method, url.pathname);
    if (fault && 'status' in fault) {
      if (fault.status === 401) tokens.clear();
      return problem(res, fault.status, `fault-${fault.status}`, `injected ${fault.status}`);
    }
    if (fault && 'drop' in fault && fault.drop === 'before') return void req.socket.destroy();
    if (fault && 'hang' in fault && fault.hang === 'before') return void hanging.add(res);

    const answer = route(method, url.pathname, req, body);
    if (fault && 'drop' in fault) return void req.socket.destroy();
    if (fault && 'hang' in fault) return void hanging.add(res);
    res.writeHead(
      answer.status,
      answer.body === undefined ? {} : { 'content-type': answer.type ?? 'application/json' },
    );
    res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
  }

  function takeFault(method: string, path: string): FaultAction | undefined {
    const fault = faults.find((f) => f.method === method && pathMatches(f.path, path) && f.left > 0);
    if (!fault) return undefined;
    fault.left -= 1;
    return fault.action;
  }

  function route(
    method: string,
    path: string,
    req: IncomingMessage,
    body: string,
  ): { status: number; body?: unknown; type?: string } {
    if (method === 'POST' && path === '/token') {
      const form = new URLSearchParams(body);
      if (
        form.get('grant_type') !== 'client_credentials' ||
        form.get('client_id') !== options.clientId ||
        form.get('client_secret') !== options.clientSecret
      )
        return { status: 401, body: { error: 'invalid_client' } };
      const token = randomUUID();
      tokens.add(token);
      return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: 3600 } };
    }
    if (method === 'GET' && path === '/.well-known/jwks.json')
      return { status: 200, body: { keys: [options.serviceSigningKey.publicJwk] } };
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !tokens.has(bearer)) return problemOf(401, 'unauthorized', 'no valid token');

    const parts = path.split('/').filter(Boolean);
    if (parts[0] !== 'v1') return problemOf(404, 'not-found', path);
    if (parts[1] === 'destinations' && method === 'GET') {
      if (parts[2] !== options.destinationId) return problemOf(404, 'destination-not-found', parts[2] ?? '');
      if (parts.length === 3)
        return {
          status: 200,
          body: {
            destinationId: options.destinationId,
            status: 'active',
            encryptionKid: options.encryptionKey.kid,
          },
        };
      if (parts[3] === 'keys' && parts.length === 5) {
        const key = [options.encryptionKey, options.destinationSigningKey].find((k) => k.kid === parts[4]);
        return key ? { status: 200, body: key.publicJwk } : problemOf(404, 'key-not-found', parts[4] ?? '');
      }
    }
    if (parts[1] !== 'submissions') return problemOf(404, 'not-found', path);
    if (method === 'POST' && parts.length === 2) {
      const announce = JSON.parse(body) as {
        destinationId?: string;
        announcedAttachments?: string[];
        serviceType?: unknown;
      };
      if (announce.destinationId !== options.destinationId)
        return problemOf(422, 'destination-unknown', 'no such destination');
      const sub: StandInSubmission = {
        submissionId: randomUUID(),
        caseId: randomUUID(),
        destinationId: announce.destinationId,
        announcedAttachments: announce.announcedAttachments ?? [],
        serviceType: announce.serviceType,
        attachments: new Map(),
        submitted: false,
        events: [],
      };
      submissions.set(sub.submissionId, sub);
      return {
        status: 201,
        body: { destinationId: sub.destinationId, submissionId: sub.submissionId, caseId: sub.caseId },
      };
    }
    const sub = submissions.get(parts[2] ?? '');
    if (!sub) return problemOf(404, 'submission-not-found', parts[2] ?? '');
    if (method === 'PUT' && parts[3] === 'attachments' && parts.length === 5) {
      if (req.headers['content-type'] !== 'application/jose')
        return problemOf(415, 'unsupported-media-type', 'attachments are application/jose');
      if (!sub.announcedAttachments.includes(parts[4] ?? ''))
        return problemOf(422, 'attachment-not-announced', parts[4] ?? '');
      if (sub.submitted) return problemOf(409, 'submission-state', 'already submitted');
      sub.attachments.set(parts[4] ?? '', body);
      return { status: 204 };
    }
    if (method === 'PUT' && parts.length === 3) {
      if (sub.submitted) return problemOf(409, 'submission-state', 'already submitted');
      const missing = sub.announcedAttachments.filter((id) => !sub.attachments.has(id));
      if (missing.length > 0) return problemOf(422, 'missing-attachments', missing.join(', '));
      const content = JSON.parse(body) as { encryptedData?: string; encryptedMetadata?: string };
      if (!content.encryptedMetadata)
        return problemOf(422, 'missing-metadata', 'encryptedMetadata is required');
      sub.encryptedData = content.encryptedData;
      sub.encryptedMetadata = content.encryptedMetadata;
      sub.submitted = true;
      sub.events.push(signSet(options.serviceSigningKey, sub, EVENTS.submit, {}));
      return {
        status: 202,
        body: { destinationId: sub.destinationId, submissionId: sub.submissionId, caseId: sub.caseId },
      };
    }
    if (method === 'GET' && parts[3] === 'events' && parts.length === 4)
      return { status: 200, body: { eventLog: sub.events } };
    return problemOf(405, 'method-not-allowed', `${method} ${path}`);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    tokenUrl: `${url}/token`,
    submissions,
    submitted: () => [...submissions.values()].filter((s) => s.submitted),
    inject: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    log,
    accept(id) {
      const sub = submissions.get(id);
      if (!sub) throw new Error(`no submission ${id}`);
      sub.events.push(signSet(options.destinationSigningKey, sub, EVENTS.accept, {}));
    },
    reject(id, problemDetail) {
      const sub = submissions.get(id);
      if (!sub) throw new Error(`no submission ${id}`);
      sub.events.push(
        signSet(options.destinationSigningKey, sub, EVENTS.reject, { problems: [problemDetail] }),
      );
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function problemOf(status: number, type: string, detail: string) {
  return {
    status,
    type: 'application/problem+json',
    body: {
      type: `https://schema.fitko.de/fit-connect/submission-api/problems/${type}`,
      title: type,
      status,
      detail,
    },
  };
}

function problem(res: ServerResponse, status: number, type: string, detail: string): void {
  const answer = problemOf(status, type, detail);
  res.writeHead(status, { 'content-type': answer.type });
  res.end(JSON.stringify(answer.body));
}

function pathMatches(pattern: string, path: string): boolean {
  const a = pattern.split('/');
  const b = path.split('/');
  return a.length === b.length && a.every((seg, i) => seg === ':id' || seg === b[i]);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A Security Event Token as FIT-Connect writes them: PS512, typ secevent+jwt. */
export function signSet(key: StandInKey, sub: StandInSubmission, event: string, payload: object): string {
  const header = b64url({ alg: 'PS512', kid: key.kid, typ: 'secevent+jwt' });
  const claims = b64url({
    iss: 'https://stand-in.fit-connect.invalid',
    iat: 1_700_000_000,
    jti: randomUUID(),
    sub: `submission:${sub.submissionId}`,
    txn: `case:${sub.caseId}`,
    events: { [event]: payload },
  });
  const signature = signBytes('sha512', Buffer.from(`${header}.${claims}`), {
    key: key.privateKey,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: 64,
  });
  return `${header}.${claims}.${signature.toString('base64url')}`;
}
