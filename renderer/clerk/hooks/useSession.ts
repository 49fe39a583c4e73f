import { useCallback, useEffect, useState } from 'react';
import type { ClerkProfile } from '../../../protocol/clerk.js';
import { HttpError } from '../../shared/http.js';
import { clerkApi, isUnauthorized, isUnreachable } from '../api.js';

/** Why the login form is shown, so it can say so. */
/** `password-change`: the account still has its initial password and must choose its own first. */
export type SignedOutReason = 'expired' | 'logged-out' | 'password-change';

export type Session =
  | { status: 'checking' }
  /** The hub could not answer "who am I"; the console cannot know yet whether to show the login. */
  | { status: 'unavailable'; problem: 'unreachable' | 'failed' }
  | { status: 'signed-out'; reason?: SignedOutReason }
  | { status: 'signed-in'; profile: ClerkProfile };

/** A failed login, ready to show: the hub's own sentence where it sent one. */
export type LoginProblem =
  { kind: 'rejected'; message: string } | { kind: 'unreachable' } | { kind: 'failed' };

export interface SessionControls {
  session: Session;
  login: (username: string, password: string) => Promise<void>;
  loggingIn: boolean;
  loginProblem: LoginProblem | null;
  logout: () => Promise<void>;
  loggingOut: boolean;
  logoutFailed: boolean;
  /** Call when any request answers 401: the cookie has expired or was revoked. */
  expire: () => void;
  /** Asks the hub again after it was unavailable. */
  recheck: () => void;
}

/**
 * An invited account logs in with its initial password but may do nothing until it has chosen its
 * own: the console says so and points to where, instead of failing at every list.
 */
async function sessionFor(profile: ClerkProfile): Promise<Session> {
  const account = await clerkApi.account().catch(() => ({ mustChangePassword: false }));
  return account.mustChangePassword
    ? { status: 'signed-out', reason: 'password-change' }
    : { status: 'signed-in', profile };
}

function toLoginProblem(error: unknown): LoginProblem {
  if (isUnreachable(error)) return { kind: 'unreachable' };
  // Only an ApiError body carries a sentence meant for people; 'http_error' and 'bad_response' do not.
  if (
    error instanceof HttpError &&
    error.status >= 400 &&
    error.status < 500 &&
    error.code !== 'http_error'
  ) {
    return { kind: 'rejected', message: error.message };
  }
  return { kind: 'failed' };
}

/** Owns the clerk's session: asks the hub on load, logs in and out, and notices expiry. */
export function useSession(): SessionControls {
  const [session, setSession] = useState<Session>({ status: 'checking' });
  const [loggingIn, setLoggingIn] = useState(false);
  const [loginProblem, setLoginProblem] = useState<LoginProblem | null>(null);
  const [loggingOut, setLoggingOut] = useState(false);
  const [logoutFailed, setLogoutFailed] = useState(false);
  const [checkCount, setCheckCount] = useState(0);

  useEffect(() => {
    let current = true;
    clerkApi.me().then(
      async (profile) => {
        const next = await sessionFor(profile);
        if (current) setSession(next);
      },
      (error: unknown) => {
        if (!current) return;
        if (isUnauthorized(error)) setSession({ status: 'signed-out' });
        else setSession({ status: 'unavailable', problem: isUnreachable(error) ? 'unreachable' : 'failed' });
      },
    );
    return () => {
      current = false;
    };
  }, [checkCount]);

  const recheck = useCallback(() => {
    setSession({ status: 'checking' });
    setCheckCount((n) => n + 1);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    setLoggingIn(true);
    setLoginProblem(null);
    try {
      const profile = await clerkApi.login({ username, password });
      setLogoutFailed(false);
      setSession(await sessionFor(profile));
    } catch (error) {
      setLoginProblem(toLoginProblem(error));
    } finally {
      setLoggingIn(false);
    }
  }, []);

  const logout = useCallback(async () => {
    setLoggingOut(true);
    setLogoutFailed(false);
    try {
      await clerkApi.logout();
      setSession({ status: 'signed-out', reason: 'logged-out' });
    } catch (error) {
      // A 401 means the session is gone already, which is what the clerk wanted. Anything else
      // leaves the cookie valid on the hub, so the console must not pretend to be logged out.
      if (isUnauthorized(error)) setSession({ status: 'signed-out', reason: 'logged-out' });
      else setLogoutFailed(true);
    } finally {
      setLoggingOut(false);
    }
  }, []);

  const expire = useCallback(() => {
    setLoginProblem(null);
    setSession((previous) =>
      previous.status === 'signed-in' ? { status: 'signed-out', reason: 'expired' } : previous,
    );
  }, []);

  return { session, login, loggingIn, loginProblem, logout, loggingOut, logoutFailed, expire, recheck };
}
