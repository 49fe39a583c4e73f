import { CallDirectory, CallLogList, CallRequest, CallRequestList, CallRequestReceipt } from '../calls.js';
import { defineRoute, empty, json } from './contract.js';

/**
 * Video calls. The two sockets are WebSocket upgrades: their messages are TerminalToHub /
 * HubToTerminal and ClerkToHub / HubToClerk in protocol/calls.ts, checked by the hub on arrival.
 */
export const callRoutes = {
  terminalSocket: defineRoute({
    method: 'GET',
    path: '/api/v1/calls/terminal',
    audience: 'terminal',
    summary:
      'WebSocket upgrade for a terminal: the bearer token comes in the first message ({type: "hello"}) or the upgrade request; messages are TerminalToHub and HubToTerminal.',
    websocket: true,
    answers: { 101: empty('Switching protocols.') },
    errors: [403],
  }),
  clerkSocket: defineRoute({
    method: 'GET',
    path: '/api/v1/clerk/calls/socket',
    audience: 'clerk',
    summary:
      'WebSocket upgrade for the clerk console (same origin only); messages are ClerkToHub and HubToClerk.',
    websocket: true,
    answers: { 101: empty('Switching protocols.') },
    errors: [403],
  }),
  request: defineRoute({
    method: 'POST',
    path: '/api/v1/calls/requests',
    audience: 'terminal',
    summary: 'A callback request or appointment left at a terminal, idempotent by its id.',
    body: CallRequest,
    answers: {
      201: json(CallRequestReceipt, 'Received now.'),
      200: json(CallRequestReceipt, 'Received before with the same content.'),
    },
    errors: [409],
  }),
  clerkLog: defineRoute({
    method: 'GET',
    path: '/api/v1/clerk/calls/log',
    audience: 'clerk',
    summary: 'Calls of the clerk’s offices.',
    answers: { 200: json(CallLogList, 'The call log.') },
  }),
  clerkDirectory: defineRoute({
    method: 'GET',
    path: '/api/v1/clerk/calls/directory',
    audience: 'clerk',
    summary: 'Offices and services by name, for transfers and "show this page".',
    answers: { 200: json(CallDirectory, 'The directory.') },
  }),
  clerkRequests: defineRoute({
    method: 'GET',
    path: '/api/v1/clerk/calls/requests',
    audience: 'clerk',
    summary: 'Callback requests and appointments of the clerk’s offices.',
    answers: { 200: json(CallRequestList, 'The requests.') },
  }),
} as const;
