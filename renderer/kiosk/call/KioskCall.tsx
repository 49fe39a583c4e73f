import { useEffect, useState, type FormEvent } from 'react';
import type { Office } from '../../../protocol/catalog.js';
import { hoursOn, isWithinHours, nextSlots, type CallRequest } from '../../../protocol/calls.js';
import type { Locale } from '../../../protocol/i18n.js';
import { Button, Icon } from '../../shared/ui/index.js';
import { ChatPanel } from '../../shared/call/ChatPanel.js';
import { VideoView } from '../../shared/call/VideoView.js';
import { useObservable } from '../../shared/useObservable.js';
import { LengthNote } from '../components/LengthNote.js';
import { formatSlot } from '../i18n/dates.js';
import { localized } from '../i18n/Localized.js';
import { TEXTS } from '../i18n/texts.js';
import type { KioskCallClient } from './call-client.js';
import type { CallRequestSender } from './request-sender.js';
import { CALL_TEXTS, type CallTexts } from './texts.js';
import './call.css';
import { CITIZEN_AUTOCOMPLETE } from '../components/fields/autocomplete.js';

/** What the citizen fills, for co-view (only sent after the citizen agreed). */
export interface CoviewSnapshot {
  title: string;
  step: string;
  fields: { label: string; value: string }[];
}

export interface KioskCallProps {
  client: KioskCallClient;
  requests: CallRequestSender;
  locale: Locale;
  offices: readonly Office[];
  /** The office of the service on screen, if any: the call goes there. */
  officeId: string | null;
  serviceId: string | null;
  coview: CoviewSnapshot | null;
  /** The clerk shows a service page or opens its form. */
  onPush(serviceId: string, openForm: boolean): void;
  /** A call is being prepared or running: the idle reset waits. */
  onActiveChange(active: boolean): void;
  /** Pressing the button on the attract screen starts a session first. */
  onOpen?(): void;
  /**
   * The terminal's own reachability (the top bar's). Offline, the panel says that this terminal
   * is offline, not that nobody is there: a signalling socket can look open after the line went.
   */
  offline?: boolean;
}

type Step = 'closed' | 'info' | 'consent' | 'callback' | 'appointment' | 'saved';

/**
 * "Talk to the town hall": the button on every screen, the pre-call information (video hours
 * from the synced offices, live clerks and queue from the hub), consent, the queue with place
 * and estimated wait, the call dock with both videos and chat, and the callback/appointment
 * forms when nobody can answer.
 */
export function KioskCall(props: KioskCallProps) {
  const { client, locale, onActiveChange } = props;
  const t = CALL_TEXTS[locale];
  const call = useObservable(client.call);
  const [step, setStep] = useState<Step>('closed');
  const [savedText, setSavedText] = useState('');
  const [chosenOffice, setChosenOffice] = useState<string | null>(null);
  const officeId = chosenOffice ?? props.officeId ?? props.offices[0]?.id ?? null;
  const inCall = call.phase === 'starting' || call.phase === 'waiting' || call.phase === 'connected';
  const panelOpen = inCall || call.phase === 'ended' || step !== 'closed';

  // Only a call being set up or running holds off the idle reset: a panel left open with a
  // half-filled callback form belongs to someone who has gone, and is wiped like any form.
  useEffect(() => onActiveChange(inCall), [inCall, onActiveChange]);
  useEffect(() => {
    document.documentElement.classList.toggle('kiosk-call-open', panelOpen);
    return () => document.documentElement.classList.remove('kiosk-call-open');
  }, [panelOpen]);

  // The clerk shows a page or opens a form on the terminal.
  const { onPush } = props;
  useEffect(() => client.onPush(onPush), [client, onPush]);
  const coviewState = useObservable(client.coview);
  const coviewOn = coviewState === 'on';
  const coviewAsked = coviewState === 'asked';
  const stillNotice = useObservable(client.stillTaken);

  // Live co-view: every change of the form goes to the clerk while the citizen allows it.
  const coviewJson = coviewOn && props.coview ? JSON.stringify(props.coview) : null;
  useEffect(() => {
    if (coviewJson === null) return;
    const snapshot = JSON.parse(coviewJson) as CoviewSnapshot;
    client.sendPeer({ kind: 'coview.state', ...snapshot });
  }, [coviewJson, client]);

  useEffect(() => {
    if (call.phase === 'waiting') client.viewing(props.serviceId);
  }, [client, call.phase, props.serviceId]);

  const close = () => {
    client.reset();
    setStep('closed');
    setChosenOffice(null);
  };

  const open = () => {
    props.onOpen?.();
    setStep('info');
  };

  if (!inCall && call.phase !== 'ended' && step === 'closed') {
    return (
      <button type="button" className="kiosk-call-button" onClick={open}>
        <Icon name="phone" /> {t.talkToClerk}
      </button>
    );
  }

  const office = props.offices.find((o) => o.id === officeId);
  let body;
  if (call.phase === 'starting') {
    body = <p role="status">{t.starting}</p>;
  } else if (call.phase === 'waiting') {
    body = (
      <>
        <div role="status" className="kiosk-call__queue" data-testid="call-queue">
          {call.transferred && <p>{t.transferred}</p>}
          <p className="kiosk-call__position">
            {call.position === null ? t.queueJoining : t.queuePosition(call.position)}
          </p>
          {call.position !== null && <p>{t.estimatedWait(call.estimatedWaitSeconds)}</p>}
        </div>
        <LocalPreview client={client} t={t} />
        <Button variant="danger" size="large" onClick={close}>
          {t.cancelCall}
        </Button>
      </>
    );
  } else if (call.phase === 'connected') {
    body = (
      <>
        <InCall client={client} t={t} clerkName={call.clerkName} media={call.media} />
        {coviewAsked && !coviewOn && (
          <div role="alertdialog" aria-label={t.coviewTitle} className="kiosk-call__consent">
            <p>
              <strong>{t.coviewTitle}</strong>
            </p>
            <p>{t.coviewText}</p>
            <Button variant="primary" size="large" onClick={() => client.answerCoview(true)}>
              {t.coviewAllow}
            </Button>
            <Button size="large" onClick={() => client.answerCoview(false)}>
              {t.coviewDeny}
            </Button>
          </div>
        )}
        {coviewOn && (
          <p className="kiosk-call__notice" role="status">
            {t.coviewActive} <Button onClick={() => client.stopCoview()}>{t.coviewStop}</Button>
          </p>
        )}
        {stillNotice && (
          <p className="kiosk-call__notice" role="status">
            {t.stillTaken}
          </p>
        )}
        <Button variant="danger" size="large" onClick={() => client.hangUp()}>
          {t.hangUp}
        </Button>
      </>
    );
  } else if (step === 'callback' || step === 'appointment') {
    body = office ? (
      <RequestForm
        t={t}
        kind={step}
        office={office}
        locale={locale}
        serviceId={props.serviceId}
        onSave={async (request) => {
          await props.requests.add(request);
          setSavedText(
            request.kind === 'appointment'
              ? t.appointmentSaved(formatSlot(request.slot, locale))
              : t.callbackSaved,
          );
          client.reset();
          setStep('saved');
        }}
        onCancel={() => setStep('info')}
      />
    ) : null;
  } else if (step === 'saved') {
    body = (
      <>
        <p role="status" className="kiosk-call__saved">
          {savedText}
        </p>
        <PendingNote requests={props.requests} t={t} />
        <Button variant="primary" size="large" onClick={close}>
          {t.close}
        </Button>
      </>
    );
  } else if (step === 'consent') {
    body = (
      <>
        <h3>{t.consentTitle}</h3>
        <p>{t.consentText}</p>
        <div className="kiosk-call__actions">
          <Button
            variant="primary"
            size="large"
            onClick={() => {
              setStep('info');
              if (officeId) void client.start(officeId, props.serviceId, locale);
            }}
          >
            {t.consentAgree}
          </Button>
          <Button size="large" onClick={() => setStep('info')}>
            {t.cancel}
          </Button>
        </div>
      </>
    );
  } else {
    // Pre-call information, also after a call ended.
    body = (
      <>
        {call.phase === 'ended' && (
          <div role="status" className="kiosk-call__ended">
            <p>{t.ended[call.reason]}</p>
            {call.reason !== 'hangup' && call.reason !== 'cancelled' && <p>{t.leaveRequest}</p>}
          </div>
        )}
        <PreCallInfo
          client={client}
          t={t}
          locale={locale}
          offices={props.offices}
          office={office}
          onChooseOffice={setChosenOffice}
          onCall={() => setStep('consent')}
          offline={props.offline ?? false}
        />
        <div className="kiosk-call__actions">
          <Button size="large" onClick={() => setStep('callback')} disabled={!office}>
            {t.requestCallback}
          </Button>
          <Button size="large" onClick={() => setStep('appointment')} disabled={!office}>
            {t.bookAppointment}
          </Button>
          <Button size="large" onClick={close}>
            {t.close}
          </Button>
        </div>
      </>
    );
  }

  return (
    <aside className="kiosk-call" aria-label={t.panelTitle} data-call-phase={call.phase}>
      <h2 className="kiosk-call__title">{t.panelTitle}</h2>
      {body}
    </aside>
  );
}

function PreCallInfo({
  client,
  t,
  locale,
  offices,
  office,
  onChooseOffice,
  onCall,
  offline,
}: {
  client: KioskCallClient;
  t: CallTexts;
  locale: Locale;
  offices: readonly Office[];
  office: Office | undefined;
  onChooseOffice(id: string): void;
  onCall(): void;
  offline: boolean;
}) {
  const statuses = useObservable(client.offices);
  const socket = useObservable(client.socket);
  const now = useNow(15_000);
  if (!office) return null;
  const status = statuses.get(office.id);
  const today = hoursOn(office.videoHours, now);
  const open = isWithinHours(office.videoHours, now);
  const clerks = status ? status.clerksAvailable + status.clerksBusy : 0;
  const canCall = !offline && socket === 'open' && clerks > 0;
  return (
    <div className="kiosk-call__info">
      {offices.length > 1 && (
        <label className="kiosk-call__office">
          {t.office}{' '}
          <select value={office.id} onChange={(e) => onChooseOffice(e.target.value)}>
            {offices.map((o) => (
              <option key={o.id} value={o.id} {...localized(o.name, locale)} />
            ))}
          </select>
        </label>
      )}
      <p>
        <strong>{t.videoHoursToday}:</strong>{' '}
        {today.length === 0 ? t.noHoursToday : today.map((h) => `${h.from}–${h.to}`).join(', ')}
      </p>
      <p data-testid="call-open">{open ? t.openNow : t.closedNow}</p>
      <div role="status" data-testid="call-office-status">
        {offline ? (
          <p>{t.terminalOffline}</p>
        ) : socket !== 'open' ? (
          <p>{t.hubUnreachable}</p>
        ) : clerks === 0 ? (
          <p>{t.nobodyOnline}</p>
        ) : (
          <>
            <p>
              {status && status.clerksAvailable > 0 ? t.clerksFree(status.clerksAvailable) : t.clerksBusy}
            </p>
            <p>{t.waitingCount(status?.waiting ?? 0)}</p>
            <p>{t.estimatedWait(status?.estimatedWaitSeconds ?? null)}</p>
          </>
        )}
      </div>
      {canCall && (
        <Button variant="primary" size="large" onClick={onCall}>
          {t.startCall}
        </Button>
      )}
    </div>
  );
}

function LocalPreview({ client, t }: { client: KioskCallClient; t: CallTexts }) {
  const local = useObservable(client.localStream);
  return (
    <VideoView stream={local} muted label={t.ownVideo} className="kiosk-call__self" testId="local-video" />
  );
}

function InCall({
  client,
  t,
  clerkName,
  media,
}: {
  client: KioskCallClient;
  t: CallTexts;
  clerkName: string;
  media: string;
}) {
  const remote = useObservable(client.remoteStream);
  const local = useObservable(client.localStream);
  const quality = useObservable(client.quality);
  const audioOnly = useObservable(client.audioOnly);
  const chat = useObservable(client.chat);
  return (
    <div
      className="kiosk-call__incall"
      data-media={media}
      data-audio-only={audioOnly}
      data-candidate={quality?.localCandidateType ?? ''}
      data-remote-candidate={quality?.remoteCandidateType ?? ''}
    >
      <p role="status" className="kiosk-call__who">
        {t.connectedWith(clerkName)}
        {media === 'recovering' && ` – ${t.reconnecting}`}
        {media === 'connecting' && ` – ${t.connecting}`}
      </p>
      <div className="kiosk-call__videos">
        <VideoView
          stream={remote}
          label={t.clerkVideo}
          className="kiosk-call__remote"
          testId="remote-video"
        />
        <VideoView
          stream={local}
          muted
          label={t.ownVideo}
          className="kiosk-call__self"
          testId="local-video"
        />
      </div>
      {quality && (
        <p className="kiosk-call__quality" data-quality={quality.level}>
          {t.quality[quality.level]}
        </p>
      )}
      {audioOnly && (
        <p role="status" className="kiosk-call__audio-only" data-testid="call-audio-only">
          {t.audioOnly}
        </p>
      )}
      <ChatPanel
        lines={chat}
        onSend={(text) => client.sendChat(text)}
        labels={{ chat: t.chat, chatInput: t.chatInput, send: t.send, me: t.me, other: t.clerk }}
        classes={{ root: 'kiosk-call__chat', log: 'kiosk-call__chat-log', form: 'kiosk-call__chat-form' }}
      />
    </div>
  );
}

function RequestForm({
  t,
  kind,
  office,
  locale,
  serviceId,
  onSave,
  onCancel,
}: {
  t: CallTexts;
  kind: 'callback' | 'appointment';
  office: Office;
  locale: Locale;
  serviceId: string | null;
  onSave(request: CallRequest): Promise<void>;
  onCancel(): void;
}) {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [note, setNote] = useState('');
  const [slots] = useState(() => nextSlots(office.videoHours, new Date(), 6));
  const [slot, setSlot] = useState(slots[0] ?? '');
  const [errors, setErrors] = useState<{ name?: string; phone?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: { name?: string; phone?: string } = {};
    if (name.trim() === '') problems.name = t.invalidName;
    if (!/^\+?[0-9 ()/-]{5,30}$/.test(phone.trim())) problems.phone = t.invalidPhone;
    setErrors(problems);
    if (Object.keys(problems).length > 0 || (kind === 'appointment' && !slot)) return;
    const common = {
      id: crypto.randomUUID(),
      officeId: office.id,
      serviceId,
      locale,
      name: name.trim(),
      phone: phone.trim(),
      note: note.trim(),
      createdAt: new Date().toISOString(),
    };
    setBusy(true);
    void onSave(kind === 'appointment' ? { kind, ...common, slot } : { kind, ...common }).finally(() =>
      setBusy(false),
    );
  };
  return (
    <form onSubmit={submit} className="kiosk-call__form" noValidate autoComplete={CITIZEN_AUTOCOMPLETE}>
      <h3>{kind === 'callback' ? t.requestCallback : t.bookAppointment}</h3>
      {kind === 'appointment' &&
        (slots.length === 0 ? (
          <p>{t.noSlots}</p>
        ) : (
          <fieldset>
            <legend>{t.slot}</legend>
            {slots.map((s) => (
              <label key={s} className="kiosk-call__slot">
                <input type="radio" name="slot" value={s} checked={slot === s} onChange={() => setSlot(s)} />{' '}
                {formatSlot(s, locale)}
              </label>
            ))}
          </fieldset>
        ))}
      <label>
        {t.name}
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete={CITIZEN_AUTOCOMPLETE}
          aria-invalid={!!errors.name}
        />
      </label>
      {errors.name && <p className="kiosk-call__error">{errors.name}</p>}
      <label>
        {t.phone}
        <input
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          inputMode="tel"
          autoComplete={CITIZEN_AUTOCOMPLETE}
          aria-invalid={!!errors.phone}
        />
      </label>
      {errors.phone && <p className="kiosk-call__error">{errors.phone}</p>}
      <label>
        {t.note}
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={NOTE_MAX}
          rows={2}
          autoComplete={CITIZEN_AUTOCOMPLETE}
        />
      </label>
      <LengthNote t={TEXTS[locale]} value={note} max={NOTE_MAX} />
      <div className="kiosk-call__actions">
        <Button type="submit" variant="primary" size="large" busy={busy}>
          {t.save}
        </Button>
        <Button size="large" onClick={onCancel}>
          {t.cancel}
        </Button>
      </div>
    </form>
  );
}

function PendingNote({ requests, t }: { requests: CallRequestSender; t: CallTexts }) {
  const pending = useObservable(requests.pending);
  return <p className="kiosk-call__pending">{pending > 0 ? t.savedOffline : t.savedSent}</p>;
}

/** The callback note's limit; the hub accepts no more. */
const NOTE_MAX = 1000;

function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
