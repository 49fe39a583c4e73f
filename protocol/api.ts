/** Hub API paths, shared so that no side spells a path by hand. */
export const API = {
  health: '/api/v1/health',
  content: '/api/v1/content',
  contentChanges: '/api/v1/content/changes',
  submissions: '/api/v1/submissions',
  /** Route patterns of the two below (fastify syntax). */
  submissionAttachmentRoute: '/api/v1/submissions/:id/attachments/:attachmentId',
  submissionAttachmentChunksRoute: '/api/v1/submissions/:id/attachments/:attachmentId/chunks',
  /** GET: what the hub has of an upload (offset, length, complete). */
  submissionAttachment: (id: string, attachmentId: string) =>
    `/api/v1/submissions/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`,
  /** PUT ?offset=N&length=TOTAL, body application/octet-stream: one chunk of the sealed attachment. */
  submissionAttachmentChunks: (id: string, attachmentId: string) =>
    `/api/v1/submissions/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}/chunks`,
  shellIncidents: '/api/v1/terminal/incidents',
  clerkLogin: '/api/v1/clerk/login',
  clerkLogout: '/api/v1/clerk/logout',
  clerkMe: '/api/v1/clerk/me',
  clerkSubmissions: '/api/v1/clerk/submissions',
  clerkSubmission: (id: string) => `/api/v1/clerk/submissions/${encodeURIComponent(id)}`,
  clerkSubmissionStatus: (id: string) => `/api/v1/clerk/submissions/${encodeURIComponent(id)}/status`,
  clerkSubmissionAttachmentRoute: '/api/v1/clerk/submissions/:id/attachments/:attachmentId',
  clerkSubmissionAttachment: (id: string, attachmentId: string) =>
    `/api/v1/clerk/submissions/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`,
  trackingStatus: (trackingCode: string) => `/api/v1/status/${encodeURIComponent(trackingCode)}`,
} as const;

export const CLERK_SESSION_COOKIE = 'pop_clerk_session';
