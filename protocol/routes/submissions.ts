import { z } from 'zod';
import { ChunkQuery, UploadParams, UploadState } from '../attachments.js';
import { ShellIncidentReceipt, ShellIncidentReport } from '../shell-incident.js';
import { SubmissionReceipt, SubmissionRequest, TrackingStatus } from '../submission.js';
import { TRACKING_CODE_PATTERN } from '../tracking-code.js';
import { defineRoute, json } from './contract.js';

export const TrackingParams = z.object({
  trackingCode: z.string().regex(TRACKING_CODE_PATTERN, 'not a tracking code'),
});

/** What terminals send: sealed applications, their attachments, status lookups, shell incidents. */
export const submissionRoutes = {
  create: defineRoute({
    method: 'POST',
    path: '/api/v1/submissions',
    audience: 'terminal',
    summary: 'A sealed application (JWE), idempotent by its id.',
    body: SubmissionRequest,
    answers: {
      201: json(SubmissionReceipt, 'Received now.'),
      200: json(SubmissionReceipt, 'Received before with the same content (a replay).'),
    },
    errors: [409, 413, 422],
  }),
  uploadState: defineRoute({
    method: 'GET',
    path: '/api/v1/submissions/:id/attachments/:attachmentId',
    audience: 'terminal',
    summary: 'How much of an attachment upload the hub has (also in Upload-Offset).',
    params: UploadParams,
    answers: { 200: json(UploadState, 'What the hub has of this upload.') },
    errors: [404],
  }),
  putChunk: defineRoute({
    method: 'PUT',
    path: '/api/v1/submissions/:id/attachments/:attachmentId/chunks',
    audience: 'terminal',
    summary: 'One slice of a sealed attachment at ?offset=N of ?length=TOTAL.',
    params: UploadParams,
    query: ChunkQuery,
    body: {
      kind: 'raw',
      mediaType: 'application/octet-stream',
      description: 'Bytes of the attachment’s JWE compact serialization.',
    },
    answers: { 200: json(UploadState, 'Stored; where the upload stands now.') },
    errors: [404, 409, 413, 415, 507],
  }),
  trackingStatus: defineRoute({
    method: 'GET',
    path: '/api/v1/status/:trackingCode',
    audience: 'terminal',
    summary: 'The status of an application by the tracking code on its receipt (rate-limited).',
    params: TrackingParams,
    answers: { 200: json(TrackingStatus, 'The status, nothing else.') },
    errors: [404, 429],
  }),
  shellIncident: defineRoute({
    method: 'POST',
    path: '/api/v1/terminal/incidents',
    audience: 'terminal',
    summary: 'The kiosk shell reports a crash loop.',
    body: ShellIncidentReport,
    answers: { 201: json(ShellIncidentReceipt, 'Kept for monitoring.') },
    errors: [413, 429],
  }),
} as const;
