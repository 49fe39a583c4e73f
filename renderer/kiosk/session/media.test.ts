import { describe, expect, it } from 'vitest';
import { liveMediaStreams, registerMediaStream, releaseAllMedia } from './media.js';

function fakeStream(kinds: string[]) {
  const tracks = kinds.map((kind) => ({
    kind,
    readyState: 'live' as 'live' | 'ended',
    stop() {
      this.readyState = 'ended';
    },
  }));
  return { stream: { getTracks: () => tracks } as unknown as MediaStream, tracks };
}

describe('media registry', () => {
  it('stops every track of every registered stream when the session ends', () => {
    const call = fakeStream(['video', 'audio']);
    const photo = fakeStream(['video']);
    registerMediaStream(call.stream);
    registerMediaStream(photo.stream);
    expect(liveMediaStreams()).toBe(2);
    expect(releaseAllMedia()).toBe(3);
    expect([...call.tracks, ...photo.tracks].map((t) => t.readyState)).toEqual(['ended', 'ended', 'ended']);
    expect(liveMediaStreams()).toBe(0);
  });

  it('forgets a stream that was unregistered', () => {
    const call = fakeStream(['audio']);
    registerMediaStream(call.stream)();
    expect(releaseAllMedia()).toBe(0);
    expect(call.tracks[0]?.readyState).toBe('live');
  });
});
