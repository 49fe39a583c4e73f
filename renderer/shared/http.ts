/**
 * Hub calls go through the typed client (protocol/routes/client.ts); its one error type is
 * re-exported here for the renderer's hooks and policies (status 0: the hub was not reached).
 */
export { HttpError } from '../../protocol/routes/client.js';
