/**
 * Connection quality from WebRTC statistics, as a pure function over two samples so it can be
 * tested without a browser. Thresholds follow common VoIP guidance: above 300 ms round trip or
 * 5 % loss a conversation suffers; above 600 ms or 12 % video is not worth its bandwidth.
 */
export type QualityLevel = 'good' | 'fair' | 'poor';

export interface StatsSample {
  at: number;
  /** Round trip of the selected candidate pair, seconds. */
  rtt: number | null;
  packetsReceived: number;
  packetsLost: number;
  framesDecoded: number;
  /** 'host' | 'srflx' | 'prflx' | 'relay' of the selected pair, both ends. */
  localCandidateType: string | null;
  remoteCandidateType: string | null;
  bytesReceived: number;
}

export interface Quality {
  level: QualityLevel;
  rttMs: number | null;
  lossPercent: number | null;
  fps: number | null;
}

/**
 * `expectVideo` is false while the call is audio only: then no frames arrive by design, and the
 * frame rate must not keep the line from counting as good again.
 */
export function qualityBetween(
  previous: StatsSample | null,
  current: StatsSample,
  expectVideo = true,
): Quality {
  const rttMs = current.rtt === null ? null : Math.round(current.rtt * 1000);
  let lossPercent: number | null = null;
  let fps: number | null = null;
  if (previous) {
    const received = current.packetsReceived - previous.packetsReceived;
    const lost = current.packetsLost - previous.packetsLost;
    if (received + lost > 0)
      lossPercent = Math.round((Math.max(0, lost) / (received + Math.max(0, lost))) * 1000) / 10;
    const seconds = (current.at - previous.at) / 1000;
    if (seconds > 0) fps = Math.round(((current.framesDecoded - previous.framesDecoded) / seconds) * 10) / 10;
  }
  let level: QualityLevel = 'good';
  if (
    (rttMs !== null && rttMs > 300) ||
    (lossPercent !== null && lossPercent > 5) ||
    (expectVideo && fps !== null && fps < 10)
  )
    level = 'fair';
  if ((rttMs !== null && rttMs > 600) || (lossPercent !== null && lossPercent > 12)) level = 'poor';
  return { level, rttMs, lossPercent, fps };
}

/**
 * Decides audio-only with hysteresis: video goes off after `offAfter` poor samples in a row and
 * comes back only after `onAfter` good ones, so a flickering line does not flap.
 */
export class AudioOnlyPolicy {
  private poorRun = 0;
  private goodRun = 0;
  audioOnly = false;

  constructor(
    private readonly offAfter = 3,
    private readonly onAfter = 5,
  ) {}

  /** Returns true when the decision changed. */
  update(level: QualityLevel): boolean {
    this.poorRun = level === 'poor' ? this.poorRun + 1 : 0;
    this.goodRun = level === 'good' ? this.goodRun + 1 : 0;
    if (!this.audioOnly && this.poorRun >= this.offAfter) {
      this.audioOnly = true;
      return true;
    }
    if (this.audioOnly && this.goodRun >= this.onAfter) {
      this.audioOnly = false;
      return true;
    }
    return false;
  }
}

/** Reads the numbers above from an RTCStatsReport. */
export function sampleFromReport(report: RTCStatsReport, at: number): StatsSample {
  const sample: StatsSample = {
    at,
    rtt: null,
    packetsReceived: 0,
    packetsLost: 0,
    framesDecoded: 0,
    localCandidateType: null,
    remoteCandidateType: null,
    bytesReceived: 0,
  };
  const byId = new Map<string, Record<string, unknown>>();
  report.forEach((stat: Record<string, unknown>) => byId.set(String(stat['id']), stat));
  let selectedPairId: string | null = null;
  for (const stat of byId.values()) {
    if (stat['type'] === 'transport' && typeof stat['selectedCandidatePairId'] === 'string')
      selectedPairId = stat['selectedCandidatePairId'];
  }
  for (const stat of byId.values()) {
    const type = stat['type'];
    if (type === 'candidate-pair') {
      const selected = selectedPairId
        ? stat['id'] === selectedPairId
        : stat['nominated'] === true && stat['state'] === 'succeeded';
      if (!selected) continue;
      if (typeof stat['currentRoundTripTime'] === 'number') sample.rtt = stat['currentRoundTripTime'];
      const local = byId.get(String(stat['localCandidateId']));
      const remote = byId.get(String(stat['remoteCandidateId']));
      sample.localCandidateType =
        typeof local?.['candidateType'] === 'string' ? local['candidateType'] : null;
      sample.remoteCandidateType =
        typeof remote?.['candidateType'] === 'string' ? remote['candidateType'] : null;
    } else if (type === 'inbound-rtp') {
      sample.packetsReceived += Number(stat['packetsReceived'] ?? 0);
      sample.packetsLost += Number(stat['packetsLost'] ?? 0);
      sample.bytesReceived += Number(stat['bytesReceived'] ?? 0);
      if (stat['kind'] === 'video') sample.framesDecoded += Number(stat['framesDecoded'] ?? 0);
    }
  }
  return sample;
}
