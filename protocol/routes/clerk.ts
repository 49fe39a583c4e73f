import { z } from 'zod';
import { ClerkProfile, LoginRequest, SubmissionDetail, SubmissionList } from '../clerk.js';
import { StatusUpdate, SubmissionStatus } from '../submission.js';
import { defineRoute, empty, json, text } from './contract.js';

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
