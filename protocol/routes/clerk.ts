import { z } from 'zod';
import { ClerkProfile, LoginRequest, SubmissionDetail, SubmissionList } from '../clerk.js';
import { StatusUpdate, SubmissionStatus } from '../submission.js';
import { defineRoute, empty, json, text } from './contract.js';

export const LoginOptions = z.object({
  /** The provider sign-in's button text, or null when clerks sign in with local accounts only. */
  oidc: z.object({ label: z.string() }).nullable(),
});
/** What a provider sends back: code and state, or an error (RFC 6749 4.1.2). */
export const OidcCallbackQuery = z.looseObject({
  code: z.string().max(4096).optional(),
  state: z.string().max(512).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(2048).optional(),
});

export const InboxQuery = z.object({ status: SubmissionStatus.optional() });
export const SubmissionParams = z.object({ id: z.uuid({ message: 'id must be a UUID' }) });
export const ClerkAttachmentParams = SubmissionParams.extend({
  attachmentId: z.uuid({ message: 'attachmentId must be a UUID' }),
});

/** The clerk console: its session and the inbox of the clerk's own offices. */
export const clerkRoutes = {
  login: defineRoute({
    method: 'POST',
    path: '/api/v1/clerk/login',
    audience: 'public',
    summary: 'Starts a clerk session (sets the pop_clerk_session cookie).',
    body: LoginRequest,
    answers: { 200: json(ClerkProfile, 'Logged in.') },
    errors: [401],
  }),
  loginOptions: defineRoute({
    method: 'GET',
    path: '/api/v1/clerk/login-options',
    audience: 'public',
    summary:
      'How clerks can sign in: always with a local account, and through the municipality’s OpenID provider if set up.',
    answers: { 200: json(LoginOptions, 'The sign-in ways.') },
  }),
  oidcStart: defineRoute({
    method: 'GET',
    path: '/api/v1/clerk/oidc/start',
    audience: 'public',
    summary:
      'Starts a sign-in at the OpenID provider: 302 there (code flow with PKCE), with a browser-binding cookie.',
    answers: { 302: empty('To the provider’s authorization endpoint.') },
    errors: [404, 429, 503],
  }),
  oidcCallback: defineRoute({
    method: 'GET',
    path: '/api/v1/clerk/oidc/callback',
    audience: 'public',
    summary:
      'Where the provider sends the browser back: starts the clerk session and 302s to the console (with ?signin=<reason> when it did not).',
    query: OidcCallbackQuery,
    answers: { 302: empty('To the clerk console.') },
    errors: [404, 429],
  }),
  logout: defineRoute({
    method: 'POST',
    path: '/api/v1/clerk/logout',
    audience: 'public',
    summary: 'Ends the session, if any: logged out afterwards in every case.',
    answers: { 204: empty('Logged out.') },
  }),
  me: defineRoute({
    method: 'GET',
    path: '/api/v1/clerk/me',
    audience: 'clerk',
    summary: 'The clerk of this session.',
    answers: { 200: json(ClerkProfile, 'The clerk.') },
  }),
  submissions: defineRoute({
    method: 'GET',
    path: '/api/v1/clerk/submissions',
    audience: 'clerk',
    summary: 'Applications of the clerk’s offices, optionally of one status.',
    query: InboxQuery,
    answers: { 200: json(SubmissionList, 'The inbox.') },
  }),
  submission: defineRoute({
    method: 'GET',
    path: '/api/v1/clerk/submissions/:id',
    audience: 'clerk',
    summary: 'One application: envelope in clear, answers still sealed, with its form.',
    params: SubmissionParams,
    answers: { 200: json(SubmissionDetail, 'The application.') },
    errors: [404],
  }),
  attachment: defineRoute({
    method: 'GET',
    path: '/api/v1/clerk/submissions/:id/attachments/:attachmentId',
    audience: 'clerk',
    summary: 'One sealed attachment as its JWE; the console decrypts it with the office key.',
    params: ClerkAttachmentParams,
    answers: { 200: text('application/jose', 'The JWE compact serialization.') },
    errors: [404],
  }),
  setStatus: defineRoute({
    method: 'POST',
    path: '/api/v1/clerk/submissions/:id/status',
    audience: 'clerk',
    summary: 'Sets the status the citizen sees, with a short message.',
    params: SubmissionParams,
    body: StatusUpdate,
    answers: { 204: empty('Set.') },
    errors: [404],
  }),
} as const;
