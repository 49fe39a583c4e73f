import type SimplePeer from 'simple-peer';
import type { IceServer } from '../../../protocol/calls.js';

/**
 * The only file that knows the WebRTC library. Everything else talks to `MediaPeer`, so
 * simple-peer can be swapped for another library (or plain RTCPeerConnection) here alone.
 */
export interface MediaPeer {
  /** Feeds an offer, answer or candidate from the other side. */
  signal(data: Record<string, unknown>): void;
  /** Sends a text on the data channel; false when the channel is not open. */
  send(text: string): boolean;
  /** The underlying connection, for statistics and sender parameters. */
  readonly connection: RTCPeerConnection;
  destroy(): void;
}

export interface MediaPeerOptions {
  initiator: boolean;
  stream: MediaStream;
  iceServers: IceServer[];
  iceTransportPolicy: 'all' | 'relay';
  onSignal(data: Record<string, unknown>): void;
  onConnect(): void;
  onStream(stream: MediaStream): void;
  onData(text: string): void;
  onIceState(state: RTCIceConnectionState): void;
  /** The peer is gone for good (error, closed by the other side, ICE failed). */
  onClose(error: Error | null): void;
}

interface SimplePeerInternals {
  _pc: RTCPeerConnection;
}

type SimplePeerConstructor = typeof SimplePeer;
let library: SimplePeerConstructor | null = null;
let loading: Promise<void> | null = null;

/**
 * simple-peer and the Node shims it needs are about a third of the kiosk's JavaScript and no
 * screen needs them before a call, so they come in their own chunk: loaded when a call is about
 * to start (and in idle time after start-up), never on the way to the first screen.
 */
export function loadPeerLibrary(): Promise<void> {
  loading ??= import('simple-peer').then(
    (module) => {
      library = module.default;
    },
    (error: unknown) => {
      loading = null; // a failed chunk load may be tried again
      throw error;
    },
  );
  return loading;
}

export function createMediaPeer(options: MediaPeerOptions): MediaPeer {
  const SimplePeer = library;
  if (!SimplePeer) throw new Error('the call library is not loaded yet (await loadPeerLibrary() first)');
  const peer = new SimplePeer({
    initiator: options.initiator,
    stream: options.stream,
    trickle: true,
    objectMode: true,
    channelName: 'pop-call',
    // Our own servers only: simple-peer's built-in defaults point at public STUN servers.
    config: {
      iceServers: options.iceServers.map((s) => ({ ...s })),
      iceTransportPolicy: options.iceTransportPolicy,
      bundlePolicy: 'max-bundle',
      rtcpMuxPolicy: 'require',
    },
  });
  let closed = false;
  const close = (error: Error | null) => {
    if (closed) return;
    closed = true;
    options.onClose(error);
  };
  peer.on('signal', (data: unknown) => options.onSignal(data as Record<string, unknown>));
  peer.on('connect', () => options.onConnect());
  peer.on('stream', (stream: MediaStream) => options.onStream(stream));
  peer.on('data', (data: unknown) => options.onData(typeof data === 'string' ? data : String(data)));
  peer.on('iceStateChange', (state: RTCIceConnectionState) => options.onIceState(state));
  peer.on('error', (error: Error) => close(error));
  peer.on('close', () => close(null));
  return {
    signal(data) {
      if (!closed) peer.signal(data as unknown as SimplePeer.SignalData);
    },
    send(text) {
      if (closed || !peer.connected) return false;
      try {
        peer.send(text);
        return true;
      } catch {
        return false;
      }
    },
    get connection() {
      return (peer as unknown as SimplePeerInternals)._pc;
    },
    destroy() {
      closed = true;
      peer.removeAllListeners();
      peer.on('error', () => undefined);
      peer.destroy();
    },
  };
}
