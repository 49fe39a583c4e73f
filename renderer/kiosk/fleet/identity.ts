import { toBase64Url } from '../../../protocol/encoding.js';
import { tokenChallenge } from '../../../protocol/fleet.js';
import { ApiClient } from '../../../protocol/routes/client.js';
import { contract } from '../../../protocol/routes/index.js';
import { readDeviceSetting, writeDeviceSetting, type KioskDatabase } from '../storage/index.js';

const IDENTITY_SETTING = 'fleetIdentity';

/** The terminal's own key pair; IndexedDB keeps the CryptoKey objects, never the private bytes. */
export interface TerminalIdentity {
  terminalId: string;
  keyPair: CryptoKeyPair;
}

function isIdentity(value: unknown): value is TerminalIdentity {
  const v = value as Partial<TerminalIdentity> | undefined;
  return typeof v?.terminalId === 'string' && v.keyPair?.privateKey instanceof CryptoKey;
}

/**
 * The enrolled identity, enrolling first with the one-time code when there is none yet. The
 * private key is created non-extractable: no script, not even this one, can read it out.
 */
export async function ensureIdentity(
  db: KioskDatabase,
  hubUrl: string,
  enrollmentCode: string | undefined,
): Promise<TerminalIdentity | null> {
  const stored = await readDeviceSetting(db, IDENTITY_SETTING);
  if (isIdentity(stored)) return stored;
  if (!enrollmentCode) return null;
  const keyPair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  const jwk = await crypto.subtle.exportKey('jwk', keyPair.publicKey);
  const data = await new ApiClient({ baseUrl: hubUrl }).json(contract.fleetTerminal.enroll, {
    body: { code: enrollmentCode, publicKey: { kty: 'EC', crv: 'P-256', x: jwk.x ?? '', y: jwk.y ?? '' } },
  });
  const identity = { terminalId: data.terminalId, keyPair };
  await writeDeviceSetting(db, IDENTITY_SETTING, identity);
  return identity;
}

const REFRESH_BEFORE_MS = 5 * 60_000;
/** A token refused right after a renewal is not renewed again sooner (the terminal may be revoked). */
const RENEW_AT_MOST_EVERY_MS = 10_000;

/**
 * Keeps a short-lived hub token for an enrolled terminal: one signature an hour, refreshed in
 * the background so that `current()` can be synchronous for every request.
 */
export class SignedTokens {
  private token = '';
  private expiresAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private renewing: Promise<boolean> | null = null;
  private renewedAt = -Infinity;

  constructor(
    private readonly hubUrl: string,
    private readonly identity: TerminalIdentity,
    private readonly now: () => number = Date.now,
    private readonly fetchImpl?: typeof fetch,
  ) {}

  current = (): string => this.token;

  /**
   * The hub refused `refused` (401): a hub restarted, a secret was retired, or the token ran out
   * while the terminal slept. Signs for a new one at once instead of waiting for the timer; many
   * refused requests at the same time share one renewal. True when a different token is ready.
   */
  renew = (refused: string): Promise<boolean> => {
    if (this.token !== '' && this.token !== refused) return Promise.resolve(true);
    if (this.renewing) return this.renewing;
    if (this.now() - this.renewedAt < RENEW_AT_MOST_EVERY_MS) return Promise.resolve(false);
    this.renewing = this.refresh()
      .then(() => {
        this.renewedAt = this.now();
        return this.token !== refused;
      })
      .catch(() => false)
      .finally(() => {
        this.renewing = null;
      });
    return this.renewing;
  };

  async refresh(): Promise<void> {
    const signedAt = new Date().toISOString();
    const signature = await crypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      this.identity.keyPair.privateKey,
      new TextEncoder().encode(tokenChallenge(this.identity.terminalId, signedAt)),
    );
    const data = await new ApiClient({
      baseUrl: this.hubUrl,
      ...(this.fetchImpl ? { fetch: this.fetchImpl } : {}),
    }).json(contract.fleetTerminal.token, {
      body: {
        terminalId: this.identity.terminalId,
        signedAt,
        signature: toBase64Url(new Uint8Array(signature)),
      },
    });
    this.token = data.token;
    this.expiresAt = Date.parse(data.expiresAt);
  }

  /** Refreshes ahead of expiry; after a failure it tries again in a minute. */
  keepFresh(): void {
    const delay =
      this.expiresAt === 0 ? 60_000 : Math.max(60_000, this.expiresAt - Date.now() - REFRESH_BEFORE_MS);
    this.timer = setTimeout(() => {
      void this.refresh()
        .catch(() => (this.expiresAt = 0))
        .finally(() => this.keepFresh());
    }, delay);
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
  }
}
