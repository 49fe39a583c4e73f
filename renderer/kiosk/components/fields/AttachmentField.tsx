import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  formatByteLimit,
  type AttachmentLimits,
  type AttachmentProblem,
} from '../../../../protocol/attachments.js';
import type { FieldErrorCode, FieldUi } from '../../../../protocol/forms.js';
import { Button, StatusMessage } from '../../../shared/ui/index.js';
import { Localized, localized } from '../../i18n/Localized.js';
import type { Texts } from '../../i18n/texts.js';
import { registerMediaStream } from '../../session/media.js';
import type { DraftAttachment } from '../../storage/index.js';

/** A photo or scan the citizen chose to keep, before it is stored in the draft. */
export interface CapturedFile {
  name: string;
  mediaType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface AttachmentFieldProps {
  name: string;
  ui: FieldUi;
  kind: 'photo' | 'scan';
  /** This field's attachments, in the order they were taken. */
  items: readonly DraftAttachment[];
  /** Set when the citizen tried to go on without the files the field requires (`ui.minCount`). */
  error?: FieldErrorCode | undefined;
  limits: AttachmentLimits;
  /**
   * How many more files this field may take, and how many of the terminal's `maxCount` the other
   * shown fields still need for their required documents (protocol attachmentRoom).
   */
  room: { left: number; reserved: number };
  locale: string;
  t: Texts;
  /** Checks against the limits and stores the file in the draft; returns what is wrong, if anything. */
  onAdd(file: CapturedFile): Promise<AttachmentProblem | null>;
  onRemove(id: string): void;
  /** The shell (Electron) grants the camera only between beginCapture and endCapture. */
  camera?: { beginCapture(): Promise<void>; endCapture(): Promise<void> } | undefined;
}

/**
 * Camera settings: a document photo at HD, a "scan" at the camera's highest resolution (a
 * document camera or a good webcam reads small print that way) with less JPEG compression.
 */
const CAPTURE = {
  photo: { width: 1920, height: 1080, quality: 0.85 },
  scan: { width: 4096, height: 2160, quality: 0.92 },
} as const;

type Mode = { name: 'idle' } | { name: 'camera' } | { name: 'review'; file: CapturedFile; url: string };

/**
 * Document photo or scan: live preview, capture, review with retake, and the thumbnails of
 * what the draft holds. The camera runs only while the preview is on screen and is released the
 * moment a picture is taken (and by the session wipe, through registerMediaStream).
 */
export function AttachmentField({
  name,
  ui,
  kind,
  items,
  error,
  limits,
  room,
  locale,
  t,
  onAdd,
  onRemove,
  camera,
}: AttachmentFieldProps) {
  const texts = t.attachments;
  const [mode, setMode] = useState<Mode>({ name: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<{ stream: MediaStream; unregister: () => void } | null>(null);
  const label = <Localized text={ui.label} locale={locale} />;
  const domId = `field-${name}`;
  const minCount = ui.minCount ?? 0;
  // Like the other fields: a message beside the field, gone once the citizen has added enough.
  const missing = error && items.length < minCount ? texts.missing(minCount) : undefined;
  const describedBy = [missing ? `${domId}-missing` : null, problem ? `${domId}-error` : null]
    .filter(Boolean)
    .join(' ');

  const cameraRef = useRef(camera);
  useEffect(() => {
    cameraRef.current = camera;
  }, [camera]);
  const releaseCamera = useCallback(() => {
    const held = streamRef.current;
    streamRef.current = null;
    if (!held) return;
    for (const track of held.stream.getTracks()) track.stop();
    held.unregister();
    void cameraRef.current?.endCapture().catch(() => undefined);
  }, []);
  useEffect(() => releaseCamera, [releaseCamera]);
  useEffect(
    () => () => {
      if (mode.name === 'review') URL.revokeObjectURL(mode.url);
    },
    [mode],
  );

  const describe = (found: AttachmentProblem): string => {
    switch (found) {
      case 'too_large':
        return texts.problems.too_large(formatByteLimit(limits.maxBytes));
      case 'too_many':
        return room.reserved > 0 ? texts.roomKept : texts.problems.too_many(limits.maxCount);
      case 'wrong_type':
        return texts.problems.wrong_type;
      case 'empty':
        return texts.problems.empty;
    }
  };

  const openCamera = async () => {
    setProblem(null);
    if (room.left <= 0) {
      setProblem(describe('too_many'));
      return;
    }
    try {
      const size = CAPTURE[kind];
      await camera?.beginCapture();
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { width: { ideal: size.width }, height: { ideal: size.height }, facingMode: 'environment' },
        audio: false,
      });
      streamRef.current = { stream, unregister: registerMediaStream(stream) };
      setMode({ name: 'camera' });
    } catch (error) {
      void camera?.endCapture().catch(() => undefined);
      console.warn('camera not available', error);
      setProblem(minCount > 0 ? texts.noCameraRequired : texts.noCamera);
    }
  };

  useEffect(() => {
    const video = videoRef.current;
    if (mode.name !== 'camera' || !video || !streamRef.current) return;
    video.srcObject = streamRef.current.stream;
    void video.play().catch(() => undefined);
  }, [mode]);

  const capture = async () => {
    const video = videoRef.current;
    if (!video || video.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    releaseCamera(); // the camera light goes off as soon as the picture is taken
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', CAPTURE[kind].quality),
    );
    if (!blob) {
      setMode({ name: 'idle' });
      setProblem(texts.problems.empty);
      return;
    }
    const file: CapturedFile = {
      name: `${kind === 'scan' ? 'scan' : 'foto'}-${items.length + 1}.jpg`,
      mediaType: 'image/jpeg',
      bytes: new Uint8Array(await blob.arrayBuffer()),
    };
    setMode({ name: 'review', file, url: URL.createObjectURL(blob) });
  };

  const keep = async (file: CapturedFile) => {
    setSaving(true);
    try {
      const found = await onAdd(file);
      setProblem(found ? describe(found) : null);
      setMode({ name: 'idle' });
    } finally {
      setSaving(false);
    }
  };

  const chooseFile = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = '';
    if (!chosen) return;
    setProblem(null);
    await keep({
      name: chosen.name.slice(0, 200),
      mediaType: chosen.type,
      bytes: new Uint8Array(await chosen.arrayBuffer()),
    });
  };

  return (
    <fieldset
      className={`kiosk-attachment${missing ? ' kiosk-attachment--invalid' : ''}`}
      aria-describedby={describedBy || undefined}
    >
      <legend className="pop-field__label">
        {minCount > 0 ? (
          label
        ) : (
          <>
            {label} ({t.optional})
          </>
        )}
      </legend>
      {ui.help && <p className="pop-field__help" {...localized(ui.help, locale)} />}
      {missing && (
        <p className="pop-field__error" id={`${domId}-missing`}>
          {missing}
        </p>
      )}
      <p className="pop-field__help">{texts.count(items.length, items.length + room.left)}</p>
      {problem && (
        <div id={`${domId}-error`}>
          <StatusMessage tone="error">{problem}</StatusMessage>
        </div>
      )}
      {items.length > 0 && (
        <ul className="kiosk-attachment__list">
          {items.map((item, index) => (
            <AttachmentThumb
              key={item.id}
              item={item}
              alt={texts.shot(index + 1)}
              removeLabel={`${texts.remove}: ${texts.shot(index + 1)}`}
              removeText={texts.remove}
              onRemove={() => onRemove(item.id)}
            />
          ))}
        </ul>
      )}
      {mode.name === 'camera' && (
        <div className="kiosk-attachment__camera">
          <p>{texts.hint}</p>
          <video
            ref={videoRef}
            className="kiosk-attachment__video"
            muted
            playsInline
            aria-label={texts.cameraView}
          />
          <div className="kiosk-actions">
            <Button
              size="large"
              onClick={() => {
                releaseCamera();
                setMode({ name: 'idle' });
              }}
            >
              {texts.cancel}
            </Button>
            <Button variant="primary" size="large" onClick={() => void capture()}>
              {texts.capture}
            </Button>
          </div>
        </div>
      )}
      {mode.name === 'review' && (
        <div className="kiosk-attachment__review">
          <img className="kiosk-attachment__preview" src={mode.url} alt={texts.shot(items.length + 1)} />
          <div className="kiosk-actions">
            <Button size="large" onClick={() => void openCamera()}>
              {texts.retake}
            </Button>
            <Button variant="primary" size="large" busy={saving} onClick={() => void keep(mode.file)}>
              {texts.keep}
            </Button>
          </div>
        </div>
      )}
      {mode.name === 'idle' && (
        <div className="kiosk-actions kiosk-attachment__actions">
          <Button size="large" onClick={() => void openCamera()}>
            {kind === 'scan' ? texts.takeScan : texts.takePhoto}
          </Button>
          {limits.fileInput && (
            <label className="pop-button pop-button--secondary pop-button--large kiosk-attachment__file">
              {texts.chooseFile}
              <input
                type="file"
                className="pop-visually-hidden"
                accept={limits.mediaTypes.join(',')}
                onChange={(event) => void chooseFile(event.currentTarget)}
              />
            </label>
          )}
        </div>
      )}
    </fieldset>
  );
}

function AttachmentThumb(props: {
  item: DraftAttachment;
  alt: string;
  removeLabel: string;
  removeText: string;
  onRemove(): void;
}) {
  const { item } = props;
  const url = useMemo(
    () =>
      item.mediaType.startsWith('image/')
        ? URL.createObjectURL(new Blob([item.bytes], { type: item.mediaType }))
        : null,
    [item],
  );
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return (
    <li className="kiosk-attachment__item">
      {url ? <img className="kiosk-attachment__thumb" src={url} alt={props.alt} /> : <span>{item.name}</span>}
      <Button onClick={props.onRemove} aria-label={props.removeLabel}>
        {props.removeText}
      </Button>
    </li>
  );
}
