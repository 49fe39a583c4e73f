import { useEffect, useRef } from 'react';

export interface VideoViewProps {
  stream: MediaStream | null;
  /** Always true for one's own picture: no echo. */
  muted?: boolean;
  label: string;
  className?: string;
  testId?: string;
}

/** A <video> bound to a MediaStream; autoplay, inline, no controls. */
export function VideoView({ stream, muted = false, label, className, testId }: VideoViewProps) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    if (video.srcObject !== stream) video.srcObject = stream;
    if (stream) void video.play().catch(() => undefined);
  }, [stream]);
  return (
    <video
      ref={ref}
      className={className}
      aria-label={label}
      data-testid={testId}
      data-has-stream={stream ? 'true' : 'false'}
      autoPlay
      playsInline
      muted={muted}
    />
  );
}
