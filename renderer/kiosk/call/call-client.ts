import type { ChatLine } from '../../shared/call/ChatPanel.js';
import {
  CLOSE,
  HubToTerminal,
  type CallEndReason,
  type OfficeCallStatus,
  type PeerMessage,
  type TerminalToHub,
} from '../../../protocol/calls.js';
import { contract } from '../../../protocol/routes/index.js';
import type { Locale } from '../../../protocol/i18n.js';
import {
  CallSession,
  loadPeerLibrary,
  openLocalMedia,
  type CallMediaState,
  type CallQuality,
  type MediaCaps,
} from '../../shared/call/call-session.js';
import { SignalingClient, socketUrl, type SocketStatus } from '../../shared/call/signaling-client.js';
import { splitStill, StillAssembler } from '../../shared/call/still-chunks.js';
import { registerMediaStream } from '../session/media.js';
import type { OfferedDocument } from '../session/document-offers.js';
import { ValueStore } from '../../shared/observable.js';

export type KioskCallState =
  | { phase: 'idle' }
  /** Camera is being switched on (after consent). */
  | { phase: 'starting'; officeId: string }
  | {
      phase: 'waiting';
      callId: string;
      officeId: string;
      position: number | null;
      estimatedWaitSeconds: number | null;
      transferred: boolean;
    }
  | { phase: 'connected'; callId: string; officeId: string; clerkName: string; media: CallMediaState }
  | { phase: 'ended'; officeId: string; reason: CallEndReason | 'camera_failed' };

export type { ChatLine };

export interface KioskCallConfig {
  hubUrl: string;
  /** The installation's token, or a source of fresh tokens for an enrolled terminal. */
  terminalToken: string | (() => string);
  media: { width: number; height: number; frameRate: number };
  caps: MediaCaps;
  /** The shell grants camera and microphone only between beginCall and endCall (Electron). */
  shell?: { beginCall(): Promise<void>; endCall(): Promise<void> };
  /** An enrolled terminal signs for a new token when the hub refuses the current one (4401). */
  renewToken?: (refused: string) => Promise<boolean>;
}

/**
 * The terminal's side of a video call, alive for the whole kiosk run (not one citizen): it keeps
 * the signaling socket open so the terminal always shows whether clerks are free, and it owns
 * the camera, the call session and the chat of the current call.
 */
export class KioskCallClient {
  readonly socket = new ValueStore<SocketStatus>('connecting');
  readonly offices = new ValueStore<ReadonlyMap<string, OfficeCallStatus>>(new Map());
  readonly call = new ValueStore<KioskCallState>({ phase: 'idle' });
  readonly localStream = new ValueStore<MediaStream | null>(null);
  readonly remoteStream = new ValueStore<MediaStream | null>(null);
  readonly quality = new ValueStore<CallQuality | null>(null);
  /** Video is off both ways because a line is too weak (this terminal's or, rarely, the clerk's). */
  readonly audioOnly = new ValueStore(false);
  readonly chat = new ValueStore<readonly ChatLine[]>([]);
  /** Co-view: the clerk asked ('asked'), the citizen agreed ('on'), or neither. */
  readonly coview = new ValueStore<'off' | 'asked' | 'on'>('off');
  /** The clerk took a document still in this call (the citizen is told). */
  readonly stillTaken = new ValueStore(false);
  private readonly pushListeners = new Set<(serviceId: string, openForm: boolean) => void>();
  private readonly documentListeners = new Set<(document: OfferedDocument) => void>();
  private readonly offers = new StillAssembler();
  private offeredCount = 0;

  private readonly signaling: SignalingClient<HubToTerminal, TerminalToHub>;
  private session: CallSession | null = null;
  private request: Extract<TerminalToHub, { type: 'call.request' }> | null = null;
  private unregisterStream: (() => void) | null = null;

  constructor(private readonly config: KioskCallConfig) {
    this.signaling = new SignalingClient<HubToTerminal, TerminalToHub>({
      url: socketUrl(config.hubUrl, contract.calls.terminalSocket.path),
      schema: HubToTerminal,
      hello: () => ({
        type: 'hello',
        token: typeof config.terminalToken === 'string' ? config.terminalToken : config.terminalToken(),
      }),
      onMessage: (message) => this.handle(message),
      // After a drop, a waiting or running call is picked up again by sending its request again.
      onOpen: () => {
        if (this.request) this.signaling.send(this.request);
      },
      onStatus: (status) => this.socket.set(status),
      isFatal: (code) => code === CLOSE.unauthenticated || code === CLOSE.replaced,
      ...(config.renewToken
        ? {
            renewAuth: () =>
              config.renewToken?.(
                typeof config.terminalToken === 'string' ? config.terminalToken : config.terminalToken(),
              ) ?? Promise.resolve(false),
          }
        : {}),
    });
  }

  /** After the citizen agreed: camera on, then into the queue. */
  async start(officeId: string, serviceId: string | null, locale: Locale): Promise<void> {
    if (this.call.get().phase !== 'idle' && this.call.get().phase !== 'ended') return;
    this.call.set({ phase: 'starting', officeId });
    let stream: MediaStream;
    try {
      await this.config.shell?.beginCall();
      // The call library loads while the camera starts: both are needed before the queue.
      [stream] = await Promise.all([openLocalMedia(this.config.media), loadPeerLibrary()]);
    } catch (error) {
      console.error('camera or microphone unavailable', error);
      void this.config.shell?.endCall().catch(() => undefined);
      this.call.set({ phase: 'ended', officeId, reason: 'camera_failed' });
      return;
    }
    if (this.call.get().phase !== 'starting') {
      stream.getTracks().forEach((t) => t.stop());
      return;
    }
    // Registered, so that the citizen wipe releases the camera whatever state the call is in.
    this.unregisterStream = registerMediaStream(stream);
    this.localStream.set(stream);
    const callId = crypto.randomUUID();
    this.request = { type: 'call.request', callId, officeId, serviceId, locale };
    this.chat.set([]);
    this.call.set({
      phase: 'waiting',
      callId,
      officeId,
      position: null,
      estimatedWaitSeconds: null,
      transferred: false,
    });
    this.signaling.send(this.request);
  }

  /** What the citizen is looking at, so the clerk sees it in the queue. */
  viewing(serviceId: string | null): void {
    if (!this.request || this.request.serviceId === serviceId) return;
    this.request = { ...this.request, serviceId };
    this.signaling.send({ type: 'call.viewing', callId: this.request.callId, serviceId });
  }

  /** Cancel while waiting, or hang up in a call. */
  hangUp(): void {
    const state = this.call.get();
    if (state.phase === 'waiting') this.signaling.send({ type: 'call.cancel', callId: state.callId });
    if (state.phase === 'connected') this.signaling.send({ type: 'call.hangup', callId: state.callId });
    if (state.phase === 'starting' || state.phase === 'waiting' || state.phase === 'connected') {
      this.finish(state.officeId, state.phase === 'connected' ? 'hangup' : 'cancelled');
    }
  }

  /** Back to idle after the ended screen (or when a citizen session ends). */
  reset(): void {
    const state = this.call.get();
    if (state.phase !== 'idle' && state.phase !== 'ended') this.hangUp();
    this.call.set({ phase: 'idle' });
    this.chat.set([]);
  }

  sendChat(text: string): void {
    const line: ChatLine = { id: crypto.randomUUID(), from: 'me', text };
    this.session?.send({ kind: 'chat', id: line.id, text });
    this.chat.set([...this.chat.get(), line]);
  }

  sendPeer(message: PeerMessage): void {
    this.session?.send(message);
  }

  /** The clerk shows a page or opens a form on this terminal. */
  /** A still the clerk sent back for the citizen's application (the session asks the citizen). */
  onDocumentOffered(listener: (document: OfferedDocument) => void): () => void {
    this.documentListeners.add(listener);
    return () => this.documentListeners.delete(listener);
  }

  onPush(listener: (serviceId: string, openForm: boolean) => void): () => void {
    this.pushListeners.add(listener);
    return () => this.pushListeners.delete(listener);
  }

  answerCoview(granted: boolean): void {
    this.coview.set(granted ? 'on' : 'off');
    this.session?.send({ kind: 'coview.answer', granted });
  }

  stopCoview(): void {
    this.coview.set('off');
    this.session?.send({ kind: 'coview.stop' });
  }

  async stats() {
    return this.session?.stats() ?? null;
  }

  close(): void {
    this.reset();
    this.signaling.close();
  }

  private handle(message: HubToTerminal) {
    const state = this.call.get();
    const current = 'callId' in message && this.request?.callId === message.callId;
    switch (message.type) {
      case 'welcome':
      case 'offices':
        this.offices.set(new Map(message.offices.map((o) => [o.officeId, o])));
        return;
      case 'call.queued':
        if (!current) return;
        if (this.session) {
          // Handed on to another clerk or office: this peer is over, a new one comes with the next clerk.
          this.session.close();
          this.session = null;
          this.remoteStream.set(null);
        }
        this.call.set({
          phase: 'waiting',
          callId: message.callId,
          officeId: message.officeId,
          position: message.position,
          estimatedWaitSeconds: message.estimatedWaitSeconds,
          transferred: message.transferred,
        });
        return;
      case 'call.connect': {
        if (!current) return;
        const stream = this.localStream.get();
        if (!stream) return;
        const officeId = state.phase === 'idle' ? '' : state.officeId;
        const ice = { iceServers: message.iceServers, iceTransportPolicy: message.iceTransportPolicy };
        if (this.session) {
          this.session.updateIce(ice);
          this.session.restartIfDown();
        } else {
          const callId = message.callId;
          this.session = new CallSession({
            role: 'initiator',
            localStream: stream,
            ice,
            caps: this.config.caps,
            sendSignal: (generation, data) =>
              this.signaling.send({ type: 'signal', callId, generation, data }),
            requestRestart: () => undefined,
            onRemoteStream: (remote) => this.remoteStream.set(remote),
            onState: (media) => {
              const now = this.call.get();
              if (now.phase === 'connected') this.call.set({ ...now, media });
            },
            onMessage: (peerMessage) => this.onMessage(peerMessage),
            onQuality: (quality) => this.quality.set(quality),
            onAudioOnly: (local, remote) => this.audioOnly.set(local || remote),
          });
        }
        this.call.set({
          phase: 'connected',
          callId: message.callId,
          officeId,
          clerkName: message.clerkName,
          media: this.session.mediaState,
        });
        return;
      }
      case 'call.restart':
        if (current) this.session?.restart();
        return;
      case 'signal':
        if (current) this.session?.handleSignal(message.generation, message.data);
        return;
      case 'call.ended':
        if (current && state.phase !== 'idle' && state.phase !== 'ended')
          this.finish(state.officeId, message.reason);
        return;
      case 'error':
        console.warn('hub refused a call message:', message.code, message.message);
        return;
    }
  }

  private onMessage(message: PeerMessage) {
    switch (message.kind) {
      case 'chat':
        this.chat.set([...this.chat.get(), { id: message.id, from: 'other', text: message.text }]);
        return;
      case 'push':
        for (const listener of [...this.pushListeners]) listener(message.serviceId, message.openForm);
        return;
      case 'coview.request':
        if (this.coview.get() === 'off') this.coview.set('asked');
        return;
      case 'coview.stop':
        this.coview.set('off');
        return;
      case 'still.offer': {
        const dataUrl = this.offers.add(message.id, message);
        if (dataUrl === null) return;
        const bytes = jpegFromDataUrl(dataUrl);
        if (!bytes) return;
        this.offeredCount += 1;
        const document = {
          id: message.id,
          name: `dokument-${this.offeredCount}.jpg`,
          mediaType: 'image/jpeg',
          bytes,
        };
        for (const listener of [...this.documentListeners]) listener(document);
        return;
      }
      case 'still.request':
        void this.sendStill(message.id).then(() => this.stillTaken.set(true));
        return;
      default:
        return;
    }
  }

  /** Grabs a frame from the camera at its full resolution and sends it to the clerk in chunks. */
  private async sendStill(id: string): Promise<void> {
    const track = this.localStream.get()?.getVideoTracks()[0];
    if (!track) return;
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = new MediaStream([track]);
    await video.play().catch(() => undefined);
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth || 640;
    canvas.height = video.videoHeight || 480;
    canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
    video.srcObject = null;
    const dataUrl = canvas.toDataURL('image/jpeg', 0.92);
    for (const chunk of splitStill(dataUrl)) this.session?.send({ kind: 'still.chunk', id, ...chunk });
  }

  private finish(officeId: string, reason: CallEndReason | 'camera_failed') {
    this.request = null;
    this.session?.close();
    this.session = null;
    this.localStream
      .get()
      ?.getTracks()
      .forEach((t) => t.stop());
    this.localStream.set(null);
    this.unregisterStream?.();
    this.unregisterStream = null;
    void this.config.shell?.endCall().catch(() => undefined);
    this.remoteStream.set(null);
    this.quality.set(null);
    this.audioOnly.set(false);
    this.coview.set('off');
    this.stillTaken.set(false);
    this.call.set({ phase: 'ended', officeId, reason });
  }
}

/** The bytes of a JPEG data URL, or null for anything else. */
export function jpegFromDataUrl(dataUrl: string): Uint8Array<ArrayBuffer> | null {
  const prefix = 'data:image/jpeg;base64,';
  if (!dataUrl.startsWith(prefix)) return null;
  let binary: string;
  try {
    binary = atob(dataUrl.slice(prefix.length));
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // A JPEG starts with the SOI marker FF D8.
  return bytes[0] === 0xff && bytes[1] === 0xd8 ? bytes : null;
}
