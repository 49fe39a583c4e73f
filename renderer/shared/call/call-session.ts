import { PeerMessage, type IceServer } from '../../../protocol/calls.js';
import { createMediaPeer, type MediaPeer } from './peer.js';

export { loadPeerLibrary } from './peer.js';
import {
  AudioOnlyPolicy,
  qualityBetween,
  sampleFromReport,
  type Quality,
  type StatsSample,
} from './quality.js';

export type CallMediaState = 'connecting' | 'connected' | 'recovering' | 'closed';

export interface IceConfig {
  iceServers: IceServer[];
  iceTransportPolicy: 'all' | 'relay';
}

/** Caps for rural lines, from the terminal configuration. */
export interface MediaCaps {
  maxVideoKbps: number;
  maxFrameRate: number;
  /** Switch video off by itself when the line is too weak. */
  audioOnlyWhenWeak: boolean;
}

export interface CallQuality extends Quality {
  /** Selected candidate pair, both ends: 'host', 'srflx', 'prflx' or 'relay'. */
  localCandidateType: string | null;
  remoteCandidateType: string | null;
  framesDecoded: number;
}

export interface CallSessionOptions {
  /** The terminal builds every peer (initiator); the console answers. */
  role: 'initiator' | 'responder';
  localStream: MediaStream;
  ice: IceConfig;
  caps?: MediaCaps;
  sendSignal(generation: number, data: Record<string, unknown>): void;
  /** Responder only: ask the initiator, through the hub, for a new peer. */
  requestRestart(): void;
  onRemoteStream(stream: MediaStream | null): void;
  onState(state: CallMediaState): void;
  onMessage(message: PeerMessage): void;
  onQuality?(quality: CallQuality): void;
  /** The other side's view of its line. */
  onRemoteQuality?(quality: Quality): void;
  onAudioOnly?(local: boolean, remote: boolean): void;
  timing?: Partial<typeof DEFAULT_TIMING>;
}

export const DEFAULT_TIMING = {
  /** ICE 'disconnected' this long before a new peer is built (short glitches heal by themselves). */
  lostGraceMs: 1_200,
  /** A peer that does not connect within this time is replaced by the next one. */
  attemptMs: 3_000,
  /** The very first peer gets longer: TURN allocation and the camera may be slow. */
  firstAttemptMs: 10_000,
  statsMs: 2_000,
  watchdogMs: 250,
};

const QUEUED_KINDS = new Set<PeerMessage['kind']>(['chat', 'coview.state', 'coview.answer', 'push']);

/**
 * One call's media, across peers. simple-peer has no ICE restart, so after a network drop the
 * session builds a new peer (the next "generation") and re-signals it through the hub, inside
 * the same call and without anyone pressing anything. Signals of older generations are ignored.
 */
export class CallSession {
  private peer: MediaPeer | null = null;
  private generation = -1;
  private state: CallMediaState = 'connecting';
  private everConnected = false;
  private lostAt: number | null = null;
  private attemptAt = 0;
  private lastRestartRequest = 0;
  private readonly outbox: string[] = [];
  private readonly timing: typeof DEFAULT_TIMING;
  private watchdog: number | undefined;
  private statsTimer: number | undefined;
  private previousSample: StatsSample | null = null;
  private readonly audioOnly = new AudioOnlyPolicy();
  private remoteAudioOnly = false;
  private ice: IceConfig;
  private closed = false;

  constructor(private readonly options: CallSessionOptions) {
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.ice = options.ice;
    this.attemptAt = Date.now();
    if (options.role === 'initiator') this.newPeer(0);
    this.watchdog = window.setInterval(() => this.checkHealth(), this.timing.watchdogMs);
    this.statsTimer = window.setInterval(() => void this.collectStats(), this.timing.statsMs);
  }

  get currentGeneration(): number {
    return this.generation;
  }

  get mediaState(): CallMediaState {
    return this.state;
  }

  /** A signal from the other side, relayed by the hub. */
  handleSignal(generation: number, data: Record<string, unknown>): void {
    if (this.closed) return;
    if (this.options.role === 'responder' && generation > this.generation) this.newPeer(generation);
    if (generation !== this.generation) return;
    this.peer?.signal(data);
  }

  /** Fresh ICE servers (new TURN credentials) for the next peer. */
  updateIce(ice: IceConfig): void {
    this.ice = ice;
  }

  /**
   * Builds a new peer now (initiator) or asks for one (responder). Called by the watchdog, when
   * the other side asks, and when the signaling connection came back while the media is down.
   */
  restart(): void {
    if (this.closed) return;
    if (this.options.role === 'initiator') {
      this.newPeer(this.generation + 1);
    } else if (Date.now() - this.lastRestartRequest > this.timing.attemptMs / 2) {
      this.lastRestartRequest = Date.now();
      this.options.requestRestart();
    }
  }

  /** Restarts only if the media is not flowing (used after the signaling socket came back). */
  restartIfDown(): void {
    if (this.state !== 'connected') this.restart();
  }

  send(message: PeerMessage): boolean {
    const text = JSON.stringify(message);
    if (this.peer?.send(text)) return true;
    if (QUEUED_KINDS.has(message.kind)) this.outbox.push(text);
    return false;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    window.clearInterval(this.watchdog);
    window.clearInterval(this.statsTimer);
    this.peer?.destroy();
    this.peer = null;
    this.setState('closed');
    this.options.onRemoteStream(null);
  }

  /** Raw statistics of the current peer (quality indicator, tests, benchmark). */
  async stats(): Promise<StatsSample | null> {
    const connection = this.peer?.connection;
    if (!connection) return null;
    return sampleFromReport(await connection.getStats(), Date.now());
  }

  /** No video either way: this side's line is too weak, or the other side's. */
  get isAudioOnly(): boolean {
    return this.audioOnly.audioOnly || this.remoteAudioOnly;
  }

  // ------------------------------------------------------------------ internals

  private setState(state: CallMediaState) {
    if (this.state === state) return;
    this.state = state;
    this.options.onState(state);
  }

  private newPeer(generation: number) {
    this.peer?.destroy();
    this.generation = generation;
    this.attemptAt = Date.now();
    this.previousSample = null;
    if (this.everConnected) this.setState('recovering');
    const peer = createMediaPeer({
      initiator: this.options.role === 'initiator',
      stream: this.options.localStream,
      iceServers: this.ice.iceServers,
      iceTransportPolicy: this.ice.iceTransportPolicy,
      onSignal: (data) => this.options.sendSignal(generation, data),
      onConnect: () => {
        if (this.peer !== peer) return;
        this.everConnected = true;
        this.lostAt = null;
        this.setState('connected');
        void this.applyCaps(peer);
        while (this.outbox.length > 0) {
          const text = this.outbox.shift();
          if (text !== undefined && !peer.send(text)) {
            this.outbox.unshift(text);
            break;
          }
        }
        if (this.isAudioOnly) void this.setVideoSending(false);
      },
      onStream: (stream) => {
        if (this.peer === peer) this.options.onRemoteStream(stream);
      },
      onData: (text) => {
        if (this.peer === peer) this.receive(text);
      },
      onIceState: (iceState) => {
        if (this.peer !== peer) return;
        if (iceState === 'disconnected' || iceState === 'failed') {
          this.lostAt ??= Date.now();
        } else if ((iceState === 'connected' || iceState === 'completed') && this.everConnected) {
          this.lostAt = null;
          this.setState('connected');
        }
      },
      onClose: () => {
        if (this.peer !== peer || this.closed) return;
        this.lostAt ??= Date.now();
        if (this.everConnected) this.setState('recovering');
      },
    });
    this.peer = peer;
  }

  private checkHealth() {
    if (this.closed) return;
    const now = Date.now();
    if (this.state === 'connected') {
      if (this.lostAt !== null && now - this.lostAt > this.timing.lostGraceMs) {
        this.setState('recovering');
        this.restart();
      }
      return;
    }
    // Not connected: the current attempt gets its time, then the next one starts.
    const limit =
      this.everConnected || this.generation > 0 ? this.timing.attemptMs : this.timing.firstAttemptMs;
    if (this.options.role === 'initiator') {
      if (now - this.attemptAt > limit) this.restart();
    } else if (this.everConnected && this.lostAt !== null && now - this.lostAt > this.timing.lostGraceMs) {
      if (now - this.lastRestartRequest > this.timing.attemptMs) {
        this.lastRestartRequest = now;
        this.options.requestRestart();
      }
    }
  }

  private receive(text: string) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return;
    }
    const parsed = PeerMessage.safeParse(json);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.kind === 'quality') {
      this.options.onRemoteQuality?.(message);
      return;
    }
    if (message.kind === 'audio-only') {
      // The other side's line is too weak for video: it is too weak for ours towards it, too.
      this.remoteAudioOnly = message.on;
      void this.setVideoSending(!this.isAudioOnly);
      this.options.onAudioOnly?.(this.audioOnly.audioOnly, this.remoteAudioOnly);
      return;
    }
    this.options.onMessage(message);
  }

  private async collectStats() {
    const peer = this.peer;
    if (!peer || this.state !== 'connected') return;
    let sample: StatsSample;
    try {
      sample = sampleFromReport(await peer.connection.getStats(), Date.now());
    } catch {
      return;
    }
    if (peer !== this.peer) return;
    const quality = qualityBetween(this.previousSample, sample, !this.isAudioOnly);
    this.previousSample = sample;
    this.options.onQuality?.({
      ...quality,
      localCandidateType: sample.localCandidateType,
      remoteCandidateType: sample.remoteCandidateType,
      framesDecoded: sample.framesDecoded,
    });
    peer.send(JSON.stringify({ kind: 'quality', ...quality } satisfies PeerMessage));
    if (this.options.caps?.audioOnlyWhenWeak && this.audioOnly.update(quality.level)) {
      await this.setVideoSending(!this.isAudioOnly);
      peer.send(JSON.stringify({ kind: 'audio-only', on: this.audioOnly.audioOnly } satisfies PeerMessage));
      this.options.onAudioOnly?.(this.audioOnly.audioOnly, this.remoteAudioOnly);
    }
  }

  private async applyCaps(peer: MediaPeer) {
    const caps = this.options.caps;
    if (!caps) return;
    for (const sender of peer.connection.getSenders()) {
      if (sender.track?.kind !== 'video') continue;
      const parameters = sender.getParameters();
      parameters.encodings = parameters.encodings.length > 0 ? parameters.encodings : [{}];
      for (const encoding of parameters.encodings) {
        encoding.maxBitrate = caps.maxVideoKbps * 1000;
        encoding.maxFramerate = caps.maxFrameRate;
      }
      await sender.setParameters(parameters).catch(() => undefined);
    }
  }

  private async setVideoSending(on: boolean) {
    const connection = this.peer?.connection;
    const track = this.options.localStream.getVideoTracks()[0] ?? null;
    if (!connection) return;
    for (const transceiver of connection.getTransceivers()) {
      if (transceiver.receiver.track.kind !== 'video') continue;
      await transceiver.sender.replaceTrack(on ? track : null).catch(() => undefined);
    }
  }
}

/** The camera and microphone, capped for rural lines. */
export async function openLocalMedia(caps: {
  width: number;
  height: number;
  frameRate: number;
}): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    video: {
      width: { ideal: caps.width },
      height: { ideal: caps.height },
      frameRate: { ideal: caps.frameRate, max: caps.frameRate },
    },
  });
}
