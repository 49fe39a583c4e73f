import type { ChatLine } from '../../shared/call/ChatPanel.js';
import {
  CLOSE,
  HubToClerk,
  type CallEndReason,
  type ClerkState,
  type ClerkToHub,
  type OfficeCallStatus,
  type PeerMessage,
  type QueueEntry,
  type TransferTarget,
} from '../../../protocol/calls.js';
import { contract } from '../../../protocol/routes/index.js';
import {
  CallSession,
  loadPeerLibrary,
  openLocalMedia,
  type CallMediaState,
  type CallQuality,
} from '../../shared/call/call-session.js';
import type { Quality } from '../../shared/call/quality.js';
import { ValueStore as Value } from '../../shared/observable.js';
import { SignalingClient, socketUrl, type SocketStatus } from '../../shared/call/signaling-client.js';
import { splitStill, StillAssembler } from '../../shared/call/still-chunks.js';

export interface QueueView {
  entries: QueueEntry[];
  clerks: ClerkState[];
  offices: OfficeCallStatus[];
  /** Hub clock minus this console's clock, to count waiting times in hub time. */
  clockOffsetMs: number;
}

export interface ActiveCall {
  callId: string;
  terminalId: string;
  terminalName: string;
  officeId: string;
  serviceId: string | null;
  media: CallMediaState;
  startedAt: number;
}

export type { ChatLine };

export type CoviewState =
  | { status: 'off' }
  | { status: 'asked' }
  | { status: 'denied' }
  | { status: 'on'; title: string; step: string; fields: { label: string; value: string }[] };

export interface Still {
  id: string;
  dataUrl: string;
  takenAt: string;
  /** Sent to the terminal for the citizen's application (the citizen decides there). */
  offered?: boolean;
}

/**
 * The console's side of video calls: presence, the live queue, the current call with its media
 * session, chat, co-view and document stills.
 */
export class ClerkCallClient {
  readonly socket = new Value<SocketStatus>('connecting');
  readonly me = new Value<ClerkState | null>(null);
  readonly queue = new Value<QueueView>({ entries: [], clerks: [], offices: [], clockOffsetMs: 0 });
  readonly call = new Value<ActiveCall | null>(null);
  readonly lastEnded = new Value<{ callId: string; reason: CallEndReason | 'transferred' } | null>(null);
  readonly localStream = new Value<MediaStream | null>(null);
  readonly remoteStream = new Value<MediaStream | null>(null);
  readonly quality = new Value<CallQuality | null>(null);
  /** Video is off both ways because the terminal's line is too weak. */
  readonly audioOnly = new Value(false);
  readonly remoteQuality = new Value<Quality | null>(null);
  readonly chat = new Value<readonly ChatLine[]>([]);
  readonly coview = new Value<CoviewState>({ status: 'off' });
  readonly stills = new Value<readonly Still[]>([]);
  readonly problem = new Value<string | null>(null);
  /** The session cookie was refused: the console shows the login again. */
  readonly expired = new Value(false);
  /** What the clerk chose, shown at once (the hub confirms with the next queue snapshot). */
  readonly chosenPresence = new Value<'available' | 'away'>('away');

  private readonly signaling: SignalingClient<HubToClerk, ClerkToHub>;
  private session: CallSession | null = null;
  private readonly stillParts = new StillAssembler();
  private wantedPresence: 'available' | 'away' | null = null;

  constructor(origin: string = location.origin) {
    this.signaling = new SignalingClient<HubToClerk, ClerkToHub>({
      url: socketUrl(origin, contract.calls.clerkSocket.path),
      schema: HubToClerk,
      onMessage: (message) => this.handle(message),
      onOpen: () => {
        if (this.wantedPresence) this.signaling.send({ type: 'presence', presence: this.wantedPresence });
      },
      onStatus: (status) => this.socket.set(status),
      isFatal: (code) => {
        if (code === CLOSE.unauthenticated) this.expired.set(true);
        return code === CLOSE.replaced || code === CLOSE.unauthenticated;
      },
    });
  }

  async setPresence(presence: 'available' | 'away'): Promise<void> {
    this.wantedPresence = presence;
    this.chosenPresence.set(presence);
    // The camera is switched on when the clerk is ready, so accepting a call costs no time.
    if (presence === 'available') await this.ensureCamera();
    this.signaling.send({ type: 'presence', presence });
    if (presence === 'away' && !this.call.get()) this.stopCamera();
  }

  async accept(callId: string): Promise<void> {
    if (!(await this.ensureCamera())) return;
    await loadPeerLibrary();
    this.problem.set(null);
    this.signaling.send({ type: 'call.accept', callId });
  }

  decline(callId: string): void {
    this.signaling.send({ type: 'call.decline', callId });
  }

  transfer(to: TransferTarget): void {
    const call = this.call.get();
    if (call) this.signaling.send({ type: 'call.transfer', callId: call.callId, to });
  }

  hangUp(): void {
    const call = this.call.get();
    if (!call) return;
    this.signaling.send({ type: 'call.hangup', callId: call.callId });
    this.endCall(call.callId, 'hangup');
  }

  sendChat(text: string): void {
    const line: ChatLine = { id: crypto.randomUUID(), from: 'me', text };
    this.session?.send({ kind: 'chat', id: line.id, text });
    this.chat.set([...this.chat.get(), line]);
  }

  requestCoview(): void {
    this.coview.set({ status: 'asked' });
    this.session?.send({ kind: 'coview.request' });
  }

  stopCoview(): void {
    this.coview.set({ status: 'off' });
    this.session?.send({ kind: 'coview.stop' });
  }

  push(serviceId: string, openForm: boolean): void {
    this.session?.send({ kind: 'push', serviceId, openForm });
  }

  /** Asks the terminal for a still at its camera's full resolution (sharper than the video). */
  takeStill(): void {
    this.session?.send({ kind: 'still.request', id: crypto.randomUUID() });
  }

  /**
   * Sends a still back to the terminal for the citizen's application, in chunks over the data
   * channel; the terminal asks the citizen before anything is attached.
   */
  offerStill(id: string): void {
    const still = this.stills.get().find((s) => s.id === id);
    if (!still || !this.session) return;
    for (const chunk of splitStill(still.dataUrl)) {
      if (!this.session.send({ kind: 'still.offer', id, ...chunk })) return;
    }
    this.stills.set(this.stills.get().map((s) => (s.id === id ? { ...s, offered: true } : s)));
  }

  async stats() {
    return this.session?.stats() ?? null;
  }

  close(): void {
    this.session?.close();
    this.stopCamera();
    this.signaling.close();
  }

  private async ensureCamera(): Promise<boolean> {
    if (this.localStream.get()) return true;
    try {
      this.localStream.set(await openLocalMedia({ width: 640, height: 480, frameRate: 24 }));
      return true;
    } catch (error) {
      console.error('camera unavailable', error);
      this.problem.set('camera');
      return false;
    }
  }

  private stopCamera() {
    this.localStream
      .get()
      ?.getTracks()
      .forEach((t) => t.stop());
    this.localStream.set(null);
  }

  private handle(message: HubToClerk) {
    switch (message.type) {
      case 'welcome':
        this.me.set(message.me);
        if (message.me.presence !== 'in_call') this.chosenPresence.set(message.me.presence);
        return;
      case 'queue': {
        const clockOffsetMs = Date.parse(message.serverNow) - Date.now();
        this.queue.set({
          entries: message.entries,
          clerks: message.clerks,
          offices: message.offices,
          clockOffsetMs,
        });
        const mine = message.clerks.find((c) => c.username === this.me.get()?.username);
        if (mine) this.me.set(mine);
        return;
      }
      case 'call.connect': {
        const ice = { iceServers: message.iceServers, iceTransportPolicy: message.iceTransportPolicy };
        const current = this.call.get();
        if (this.session && current?.callId === message.callId) {
          this.session.updateIce(ice);
          this.session.restartIfDown();
          return;
        }
        const stream = this.localStream.get();
        if (!stream) {
          // No camera (should not happen: accept opens it): the call cannot go on.
          this.signaling.send({ type: 'call.hangup', callId: message.callId });
          return;
        }
        this.session?.close();
        this.chat.set([]);
        this.coview.set({ status: 'off' });
        this.stills.set([]);
        this.lastEnded.set(null);
        const callId = message.callId;
        this.session = new CallSession({
          role: 'responder',
          localStream: stream,
          ice,
          sendSignal: (generation, data) => this.signaling.send({ type: 'signal', callId, generation, data }),
          requestRestart: () => this.signaling.send({ type: 'call.restart', callId }),
          onRemoteStream: (remote) => this.remoteStream.set(remote),
          onState: (media) => {
            const now = this.call.get();
            if (now) this.call.set({ ...now, media });
          },
          onMessage: (peerMessage) => this.onPeerMessage(peerMessage),
          onQuality: (quality) => this.quality.set(quality),
          onRemoteQuality: (quality) => this.remoteQuality.set(quality),
          onAudioOnly: (local, remote) => this.audioOnly.set(local || remote),
        });
        this.call.set({
          callId,
          terminalId: message.terminalId,
          terminalName: message.terminalName,
          officeId: message.officeId,
          serviceId: message.serviceId,
          media: this.session.mediaState,
          startedAt: Date.now(),
        });
        return;
      }
      case 'signal':
        if (this.call.get()?.callId === message.callId)
          this.session?.handleSignal(message.generation, message.data);
        return;
      case 'call.transferred':
        this.endCall(message.callId, 'transferred');
        return;
      case 'call.ended':
        this.endCall(message.callId, message.reason);
        return;
      case 'error':
        this.problem.set(message.code);
        return;
    }
  }

  private onPeerMessage(message: PeerMessage) {
    switch (message.kind) {
      case 'chat':
        this.chat.set([...this.chat.get(), { id: message.id, from: 'other', text: message.text }]);
        return;
      case 'coview.answer':
        this.coview.set(
          message.granted ? { status: 'on', title: '', step: '', fields: [] } : { status: 'denied' },
        );
        return;
      case 'coview.state':
        this.coview.set({ status: 'on', title: message.title, step: message.step, fields: message.fields });
        return;
      case 'coview.stop':
        this.coview.set({ status: 'off' });
        return;
      case 'still.chunk': {
        const dataUrl = this.stillParts.add(message.id, message);
        if (dataUrl?.startsWith('data:image/jpeg;base64,')) {
          this.stills.set([
            ...this.stills.get(),
            { id: message.id, dataUrl, takenAt: new Date().toISOString() },
          ]);
        }
        return;
      }
      default:
        return;
    }
  }

  private endCall(callId: string, reason: CallEndReason | 'transferred') {
    if (this.call.get()?.callId !== callId) return;
    this.session?.close();
    this.session = null;
    this.call.set(null);
    this.remoteStream.set(null);
    this.quality.set(null);
    this.audioOnly.set(false);
    this.remoteQuality.set(null);
    this.coview.set({ status: 'off' });
    this.lastEnded.set({ callId, reason });
    if (this.wantedPresence !== 'available') this.stopCamera();
  }
}
