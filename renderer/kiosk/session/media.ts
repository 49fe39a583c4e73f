/**
 * Every camera and microphone stream the page holds, so that ending a citizen's session can
 * release them all, whoever opened them. The call module registers each stream it gets from
 * getUserMedia:
 *
 *   const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
 *   const unregister = registerMediaStream(stream);   // call it when the call ends normally
 *
 * A stream whose tracks have all ended is forgotten by itself.
 */
const streams = new Set<MediaStream>();

export function registerMediaStream(stream: MediaStream): () => void {
  streams.add(stream);
  return () => {
    streams.delete(stream);
  };
}

/** Stops every track of every registered stream (the camera light goes off); returns how many. */
export function releaseAllMedia(): number {
  let stopped = 0;
  for (const stream of streams) {
    for (const track of stream.getTracks()) {
      if (track.readyState === 'live') stopped += 1;
      track.stop();
    }
  }
  streams.clear();
  return stopped;
}

/** How many registered streams still have a live track (tests and the soak bench read it). */
export function liveMediaStreams(): number {
  let live = 0;
  for (const stream of streams)
    if (stream.getTracks().some((track) => track.readyState === 'live')) live += 1;
  return live;
}
