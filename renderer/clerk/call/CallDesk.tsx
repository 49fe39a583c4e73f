import { useEffect, useState } from 'react';
import {
  type CallDirectory,
  type CallLogEntry,
  type QueueEntry,
  type StoredCallRequest,
} from '../../../protocol/calls.js';
import { clerkApi } from '../api.js';
import { ChatPanel } from '../../shared/call/ChatPanel.js';
import { VideoView } from '../../shared/call/VideoView.js';
import { Button } from '../../shared/ui/index.js';
import { useObservable } from '../../shared/useObservable.js';
import { ClerkCallClient, type ActiveCall } from './clerk-call-client.js';
import { CALL_DESK_TEXTS as t } from './texts.js';
import './call-desk.css';

function useTick(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return now;
}

function useDirectory(): CallDirectory {
  const [directory, setDirectory] = useState<CallDirectory>({ offices: [], services: [] });
  useEffect(() => {
    let cancelled = false;
    clerkApi
      .callDirectory()
      .then((data) => {
        if (!cancelled) setDirectory(data);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return directory;
}

function formatWait(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The console's video desk: presence switch, the live queue of the clerk's offices with waiting
 * times and the service each citizen was looking at, the call view, the call log and the
 * callback requests.
 */
export function CallDesk({ onSessionExpired }: { onSessionExpired(): void }) {
  const [client] = useState(() => new ClerkCallClient());
  useEffect(() => () => client.close(), [client]);
  const expired = useObservable(client.expired);
  useEffect(() => {
    if (expired) onSessionExpired();
  }, [expired, onSessionExpired]);
  const me = useObservable(client.me);
  const socket = useObservable(client.socket);
  const call = useObservable(client.call);
  const lastEnded = useObservable(client.lastEnded);
  const problem = useObservable(client.problem);
  const directory = useDirectory();
  const chosen = useObservable(client.chosenPresence);
  const presence = me?.presence ?? 'away';

  return (
    <section className="clerk-calls" aria-labelledby="clerk-calls-title" data-socket={socket}>
      <div className="clerk-calls__head">
        <h2 id="clerk-calls-title">{t.title}</h2>
        <div role="radiogroup" aria-label={t.presence} className="clerk-calls__presence">
          {(['available', 'away'] as const).map((value) => (
            <label key={value} className="clerk-calls__presence-option">
              <input
                type="radio"
                name="presence"
                checked={chosen === value}
                disabled={socket !== 'open'}
                onChange={() => void client.setPresence(value)}
              />
              {t.presenceNames[value]}
            </label>
          ))}
          <span className="clerk-calls__presence-now" data-presence={presence}>
            {t.presenceNow(t.presenceNames[presence])}
          </span>
        </div>
        {socket !== 'open' && <p role="status">{t.socket[socket]}</p>}
      </div>
      {problem && (
        <p role="alert" className="clerk-calls__problem">
          {t.problems[problem] ?? t.problems['default']}
        </p>
      )}
      {lastEnded && !call && (
        <p role="status" className="clerk-calls__ended">
          {t.ended[lastEnded.reason]}
        </p>
      )}
      {call && <CallView client={client} call={call} directory={directory} />}
      <QueueTable client={client} directory={directory} busy={call !== null} />
      <History />
    </section>
  );
}

function QueueTable({
  client,
  directory,
  busy,
}: {
  client: ClerkCallClient;
  directory: CallDirectory;
  busy: boolean;
}) {
  const queue = useObservable(client.queue);
  const me = useObservable(client.me);
  const now = useTick(1000) + queue.clockOffsetMs;
  const mine = queue.entries.filter(
    (e) => e.offeredTo === me?.username || (e.offeredTo === null && me?.officeIds.includes(e.officeId)),
  );
  const officeName = (id: string) => directory.offices.find((o) => o.id === id)?.name ?? id;
  const serviceName = (id: string | null) =>
    id === null ? t.noService : (directory.services.find((s) => s.id === id)?.name ?? id);
  return (
    <div className="clerk-calls__queue">
      <table aria-label={t.queue} className="clerk-calls__table">
        <caption className="clerk-calls__caption">
          {t.queueSummary(mine.length)}{' '}
          {queue.clerks.length > 0 &&
            t.colleagues(
              queue.clerks.map((c) => `${c.displayName} (${t.presenceNames[c.presence]})`).join(', '),
            )}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.position}</th>
            <th scope="col">{t.office}</th>
            <th scope="col">{t.terminal}</th>
            <th scope="col">{t.service}</th>
            <th scope="col">{t.waiting}</th>
            <th scope="col">{t.action}</th>
          </tr>
        </thead>
        <tbody>
          {mine.length === 0 && (
            <tr>
              <td colSpan={6}>{t.emptyQueue}</td>
            </tr>
          )}
          {mine.map((entry: QueueEntry) => (
            <tr key={entry.callId} data-call-id={entry.callId}>
              <td>{entry.position}</td>
              <td>{officeName(entry.officeId)}</td>
              <td>
                {entry.terminalName}
                {entry.transferredBy && (
                  <span className="clerk-calls__tag">{t.transferredBy(entry.transferredBy)}</span>
                )}
              </td>
              <td>{serviceName(entry.serviceId)}</td>
              <td>{formatWait((now - Date.parse(entry.waitingSince)) / 1000)}</td>
              <td>
                <Button variant="primary" disabled={busy} onClick={() => void client.accept(entry.callId)}>
                  {t.accept(entry.terminalName)}
                </Button>
                {entry.offeredTo === me?.username && (
                  <Button onClick={() => client.decline(entry.callId)}>{t.decline}</Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CallView({
  client,
  call,
  directory,
}: {
  client: ClerkCallClient;
  call: ActiveCall;
  directory: CallDirectory;
}) {
  const remote = useObservable(client.remoteStream);
  const local = useObservable(client.localStream);
  const quality = useObservable(client.quality);
  const remoteQuality = useObservable(client.remoteQuality);
  const audioOnly = useObservable(client.audioOnly);
  const queue = useObservable(client.queue);
  const me = useObservable(client.me);
  const [transferTo, setTransferTo] = useState('');
  const [pushService, setPushService] = useState(call.serviceId ?? '');
  const service = directory.services.find((s) => s.id === pushService);
  const colleagues = queue.clerks.filter((c) => c.username !== me?.username);

  return (
    <div
      className="clerk-call"
      aria-label={t.callWith(call.terminalName)}
      role="region"
      data-media={call.media}
      data-audio-only={audioOnly}
      data-candidate={quality?.localCandidateType ?? ''}
      data-remote-candidate={quality?.remoteCandidateType ?? ''}
    >
      <h3>
        {t.callWith(call.terminalName)} <span className="clerk-call__media">{t.media[call.media]}</span>
      </h3>
      <div className="clerk-call__grid">
        <div className="clerk-call__videos">
          <VideoView
            stream={remote}
            label={t.citizenVideo}
            className="clerk-call__remote"
            testId="remote-video"
          />
          <VideoView
            stream={local}
            muted
            label={t.ownVideo}
            className="clerk-call__self"
            testId="local-video"
          />
          <p className="clerk-call__quality">
            {quality && t.quality(t.levels[quality.level], quality.rttMs, quality.lossPercent, quality.fps)}
            {remoteQuality && <> · {t.citizenLine(t.levels[remoteQuality.level])}</>}
          </p>
          {audioOnly && (
            <p role="status" className="clerk-call__audio-only" data-testid="call-audio-only">
              {t.audioOnly}
            </p>
          )}
          <div className="clerk-call__actions">
            <Button variant="danger" onClick={() => client.hangUp()}>
              {t.hangUp}
            </Button>
            <Button onClick={() => client.takeStill()}>{t.takeStill}</Button>
          </div>
          <form
            className="clerk-call__row"
            onSubmit={(e) => {
              e.preventDefault();
              const [kind, id] = transferTo.split(':');
              if (kind === 'clerk' && id) client.transfer({ kind: 'clerk', username: id });
              if (kind === 'office' && id) client.transfer({ kind: 'office', officeId: id });
            }}
          >
            <label>
              {t.transferTo}{' '}
              <select value={transferTo} onChange={(e) => setTransferTo(e.target.value)}>
                <option value="">{t.choose}</option>
                <optgroup label={t.clerks}>
                  {colleagues.map((c) => (
                    <option key={c.username} value={`clerk:${c.username}`}>
                      {c.displayName} ({t.presenceNames[c.presence]})
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t.offices}>
                  {directory.offices.map((o) => (
                    <option key={o.id} value={`office:${o.id}`}>
                      {o.name}
                    </option>
                  ))}
                </optgroup>
              </select>
            </label>
            <Button type="submit" disabled={transferTo === ''}>
              {t.transfer}
            </Button>
          </form>
          <form className="clerk-call__row" onSubmit={(e) => e.preventDefault()}>
            <label>
              {t.pushLabel}{' '}
              <select value={pushService} onChange={(e) => setPushService(e.target.value)}>
                <option value="">{t.choose}</option>
                {directory.services.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <Button disabled={!service} onClick={() => service && client.push(service.id, false)}>
              {t.pushPage}
            </Button>
            <Button disabled={!service?.hasForm} onClick={() => service && client.push(service.id, true)}>
              {t.pushForm}
            </Button>
          </form>
        </div>
        <div className="clerk-call__side">
          <Chat client={client} />
          <Coview client={client} />
          <Stills client={client} />
        </div>
      </div>
    </div>
  );
}

function Chat({ client }: { client: ClerkCallClient }) {
  const chat = useObservable(client.chat);
  return (
    <ChatPanel
      heading
      lines={chat}
      onSend={(text) => client.sendChat(text)}
      labels={{ chat: t.chat, chatInput: t.chatInput, send: t.send, me: t.me, other: t.citizen }}
      classes={{ root: 'clerk-call__chat', log: 'clerk-call__chat-log', form: 'clerk-call__row' }}
    />
  );
}

function Coview({ client }: { client: ClerkCallClient }) {
  const coview = useObservable(client.coview);
  return (
    <section aria-label={t.coview} className="clerk-call__coview" data-coview={coview.status}>
      <h4>{t.coview}</h4>
      {coview.status === 'off' && <Button onClick={() => client.requestCoview()}>{t.askCoview}</Button>}
      {coview.status === 'asked' && <p role="status">{t.coviewAsked}</p>}
      {coview.status === 'denied' && (
        <>
          <p role="status">{t.coviewDenied}</p>
          <Button onClick={() => client.requestCoview()}>{t.askCoview}</Button>
        </>
      )}
      {coview.status === 'on' && (
        <>
          <p>
            <strong>{coview.title || t.noForm}</strong> {coview.step && `– ${coview.step}`}
          </p>
          <dl className="clerk-call__coview-fields" aria-label={t.coviewFields}>
            {coview.fields.map((f) => (
              <div key={f.label}>
                <dt>{f.label}</dt>
                <dd>{f.value || '—'}</dd>
              </div>
            ))}
          </dl>
          <Button onClick={() => client.stopCoview()}>{t.stopCoview}</Button>
        </>
      )}
    </section>
  );
}

function Stills({ client }: { client: ClerkCallClient }) {
  const stills = useObservable(client.stills);
  if (stills.length === 0) return null;
  return (
    <section aria-label={t.stills} className="clerk-call__stills">
      <h4>{t.stills}</h4>
      {stills.map((still, index) => (
        <figure key={still.id}>
          <img src={still.dataUrl} alt={t.stillAlt(index + 1)} />
          <figcaption>
            <a href={still.dataUrl} download={`dokument-${index + 1}.jpg`}>
              {t.saveStill}
            </a>
            {still.offered ? (
              <p role="status">{t.stillOffered}</p>
            ) : (
              <Button onClick={() => client.offerStill(still.id)}>{t.offerStill(index + 1)}</Button>
            )}
          </figcaption>
        </figure>
      ))}
    </section>
  );
}

function History() {
  const [open, setOpen] = useState(false);
  const [calls, setCalls] = useState<CallLogEntry[] | null>(null);
  const [requests, setRequests] = useState<StoredCallRequest[] | null>(null);
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    const load = () => {
      void clerkApi
        .callLog()
        .then((entries) => !cancelled && setCalls(entries))
        .catch(() => undefined);
      void clerkApi
        .callRequests()
        .then((entries) => !cancelled && setRequests(entries))
        .catch(() => undefined);
    };
    load();
    const timer = window.setInterval(load, 15_000);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [open]);
  return (
    <details className="clerk-calls__history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t.history}</summary>
      <table aria-label={t.requests} className="clerk-calls__table">
        <caption className="clerk-calls__caption">{t.requests}</caption>
        <thead>
          <tr>
            <th scope="col">{t.kind}</th>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.phone}</th>
            <th scope="col">{t.slot}</th>
            <th scope="col">{t.note}</th>
            <th scope="col">{t.received}</th>
          </tr>
        </thead>
        <tbody>
          {(requests ?? []).map((r) => (
            <tr key={r.id}>
              <td>{t.kinds[r.kind]}</td>
              <td>{r.name}</td>
              <td>{r.phone}</td>
              <td>
                {r.slot ?? '—'}
                {r.slotConfirmed === false && ` (${t.slotTaken})`}
              </td>
              <td>{r.note || '—'}</td>
              <td>{new Date(r.receivedAt).toLocaleString('de-DE')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table aria-label={t.log} className="clerk-calls__table">
        <caption className="clerk-calls__caption">{t.log}</caption>
        <thead>
          <tr>
            <th scope="col">{t.ended_at}</th>
            <th scope="col">{t.office}</th>
            <th scope="col">{t.terminal}</th>
            <th scope="col">{t.clerk}</th>
            <th scope="col">{t.outcome}</th>
            <th scope="col">{t.duration}</th>
          </tr>
        </thead>
        <tbody>
          {(calls ?? []).map((c) => (
            <tr key={c.callId}>
              <td>{new Date(c.endedAt).toLocaleString('de-DE')}</td>
              <td>{c.officeId}</td>
              <td>{c.terminalId}</td>
              <td>{c.clerkUsername ?? '—'}</td>
              <td>
                {t.reasons[c.endReason]}
                {c.transfers > 0 && ` (${t.transfers(c.transfers)})`}
              </td>
              <td>
                {c.acceptedAt ? formatWait((Date.parse(c.endedAt) - Date.parse(c.acceptedAt)) / 1000) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
