import type { KioskBridge } from '../../protocol/bridge.js';

/**
 * The IPC channel behind each bridge method: one fixed channel per method, no generic channel.
 * The sandboxed preload cannot import this module, so it repeats the strings; channels.test.ts
 * reads the preload's source and fails when the two lists drift apart.
 */
export const BRIDGE_CHANNELS = {
  getShellInfo: 'pop:get-shell-info',
  getKioskConfig: 'pop:get-kiosk-config',
  endCitizenSession: 'pop:end-citizen-session',
  reportReady: 'pop:report-ready',
  beginCall: 'pop:begin-call',
  endCall: 'pop:end-call',
  beginCapture: 'pop:begin-capture',
  endCapture: 'pop:end-capture',
  printReceipt: 'pop:print-receipt',
  requestAdminExit: 'pop:request-admin-exit',
} as const satisfies Record<keyof KioskBridge, `pop:${string}`>;
