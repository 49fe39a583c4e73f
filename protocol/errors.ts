import { z } from 'zod';

/** Every error the hub sends has this shape: a stable code, a readable sentence, details. */
export const ApiError = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/** Turns zod issues into one readable sentence plus a list with paths. */
export function describeZodError(error: z.ZodError): Pick<ApiError, 'message' | 'issues'> {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
  const message = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return { message: `Invalid request: ${message}`, issues };
}
