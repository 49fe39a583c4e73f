import type { KioskBridge, ShellInfo, ShellKind } from '../../../protocol/bridge.js';
import type { KioskConfig } from '../../../kiosk-config/schema.js';
import type { CommandResult, PendingCommand, TerminalEvent } from '../../../protocol/fleet.js';
import { DraftStore, type KioskDatabase } from '../storage/index.js';
import type { SyncEngine } from '../sync/engine.js';
import { FleetClient } from './fleet-client.js';
import {
  afterRefusal,
  considerConfig,
  recordReachability,
  wantsAssignment,
} from '../../../kiosk-config/fleet/config-state.js';
import { withEvent, writeFleetRecord, type FleetBoot, type FleetRecord } from './boot.js';
import { onOfficeKeyRefusal } from './office-key-policy.js';
import { Telemetry } from './telemetry.js';

export interface FleetAgentOptions {
  db: KioskDatabase;
  config: KioskConfig;
  boot: FleetBoot;
  sync: SyncEngine;
  bridge: KioskBridge;
  shell: ShellInfo;
  /** Reloads the page; a new config takes effect only through a fresh start (atomic switch). */
  reload?: () => void;
  /** 'reporting': heartbeats only, no remote config and no commands (see fleetRole). */
  role?: FleetRole;
}

/**
 * What the fleet loop does for an installation: a terminal with fleet management (pinned provider
 * keys) reports and takes signed configs and commands; one without still reports its heartbeat
 * with its installation token, so the fleet console knows it is alive ("nie gemeldet" was shown
 * for a terminal in use); one without any token has nothing to report with.
 */
export type FleetRole = 'managed' | 'reporting' | 'none';
export function fleetRole(config: Pick<KioskConfig, 'fleet' | 'terminalToken'>): FleetRole {
  if (config.fleet) return 'managed';
  return config.terminalToken ? 'reporting' : 'none';
}

/**
 * The terminal's fleet loop: a heartbeat with its figures, whose answer says which config
 * version the hub assigns and which commands wait. New configs are verified, stored together
 * with the fallback in one write, and take effect by a reload; a config on trial that keeps the
 * hub away is reverted here.
 */
export class FleetAgent {
  private record: FleetRecord;
  private readonly client: FleetClient;
  private readonly telemetry = new Telemetry();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private lastOnline: string | null = null;
  private readonly unsubscribe: () => void;
  private readonly reload: () => void;

  constructor(private readonly options: FleetAgentOptions) {
    this.record = options.boot.record;
    this.client = new FleetClient(options.config.hubUrl, options.boot.token, options.boot.renewToken);
    this.reload = options.reload ?? (() => location.reload());
    const unsubscribeConnectivity = options.sync.connectivity.subscribe(() => this.noteConnectivity());
    const unsubscribeKeys = onOfficeKeyRefusal((message) => void this.reportOfficeKeyRefusal(message));
    this.unsubscribe = () => {
      unsubscribeConnectivity();
      unsubscribeKeys();
    };
    this.noteConnectivity();
    this.publishState();
  }

  start(): void {
    this.schedule(500);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.unsubscribe();
    this.telemetry.stop();
    this.options.boot.tokens?.stop();
  }

  private get intervalSeconds(): number {
    return (
      this.record.state.active?.payload.settings.heartbeatSeconds ??
      this.options.config.fleet?.heartbeatSeconds ??
      30
    );
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private noteConnectivity(): void {
    if (this.options.sync.connectivity.get() === 'online') this.lastOnline = new Date().toISOString();
  }

  private async tick(): Promise<void> {
    let delay = this.intervalSeconds * 1000;
    try {
      const reloading = await this.beat();
      if (reloading) return;
    } catch (error) {
      this.telemetry.error(`fleet: ${String(error)}`);
      // While a new config is on trial, look more often, so a broken one is reverted in time.
      if (this.record.state.trial) delay = Math.min(delay, 5_000);
    }
    this.schedule(delay);
  }

  /** One heartbeat round; true when the page is about to reload. */
  private async beat(): Promise<boolean> {
    const sessions = this.telemetry.sessions();
    const events = this.record.events;
    const storage = await navigator.storage?.estimate?.().catch(() => undefined);
    this.noteConnectivity();
    let answer;
    try {
      answer = await this.client.heartbeat({
        appVersion: appVersion(this.options.shell),
        configVersion: this.record.state.active?.payload.version ?? 0,
        lastSyncAt: this.lastOnline,
        outboxDepth: this.options.sync.outbox.get().waiting,
        quarantined: this.options.sync.outbox.get().quarantined,
        storageBytes: storage?.usage ?? 0,
        uptimeSeconds: Math.round(performance.now() / 1000),
        lastError: this.telemetry.lastError,
        sessions,
        heartbeatSeconds: this.intervalSeconds,
        events,
      });
    } catch (error) {
      if (await this.observe(false)) return true;
      throw error;
    }
    this.telemetry.acknowledge(sessions);
    await this.save({ ...this.record, events: this.record.events.slice(events.length) });
    // Without fleet management the terminal takes neither configs nor commands from the hub; it
    // says so for each command, so the console does not wait for an answer that never comes.
    if (this.options.role === 'reporting') {
      for (const command of answer.commands)
        await this.client.commandResult(command.id, {
          ok: false,
          message: `${command.kind}: not run, this terminal has no fleet management (no provider keys pinned).`,
        });
      return false;
    }
    if (await this.observe(true)) return true;
    for (const command of answer.commands) if (await this.run(command)) return true;
    return this.maybeTakeConfig(answer.configVersion);
  }

  /** Feeds reachability into the trial; true when that reverted the config (page reloads). */
  private async observe(reachable: boolean): Promise<boolean> {
    const { state, event } = recordReachability(this.record.state, reachable, new Date());
    if (state === this.record.state) return false;
    await this.save(withEvent({ ...this.record, state }, event));
    if (event?.kind === 'config_reverted') {
      await this.tellShell();
      this.reload();
      return true;
    }
    return false;
  }

  private async maybeTakeConfig(assigned: number | null): Promise<boolean> {
    const { state } = this.record;
    // Nothing newer than what ran or was reverted, and not the config refused a moment ago.
    if (!wantsAssignment(state, assigned)) return false;
    const raw = await this.client.config();
    const terminalId = this.options.config.terminalId;
    const outcome = await considerConfig(state, raw, terminalId, new Date());
    if (outcome.event.kind === 'config_refused') {
      this.telemetry.error(`config refused: ${outcome.event.message}`);
      await this.save(
        withEvent({ ...this.record, state: afterRefusal(state, outcome.event, assigned) }, outcome.event),
      );
      return false;
    }
    await this.save(withEvent({ ...this.record, state: outcome.state }, outcome.event));
    await this.tellShell();
    this.reload();
    return true;
  }

  /**
   * The shell verifies the config itself and takes its shell settings (printer, restart window,
   * the hub for its CSP) before the reload, so the reloaded page may reach a new hub at once.
   */
  private async tellShell(): Promise<void> {
    const outcome = await this.options.bridge
      .applyFleetConfig(this.record.state.active?.signed ?? null)
      .catch((error: unknown) => `failed: ${String(error)}`);
    if (outcome !== 'applied' && outcome !== 'unavailable')
      this.telemetry.error(`the shell did not take the config: ${outcome}`);
  }

  private async run(command: PendingCommand): Promise<boolean> {
    let result: CommandResult;
    let reloadAfter = false;
    let restartShell = false;
    switch (command.kind) {
      case 'reload':
      case 'restart': {
        const plan = restartPlan(command.kind, this.options.shell.kind);
        result = { ok: true, message: plan.message };
        restartShell = plan.action === 'restart-shell';
        reloadAfter = plan.action === 'reload';
        break;
      }
      case 'wipe':
        await new DraftStore(this.options.db).discard();
        await this.options.bridge.endCitizenSession();
        result = {
          ok: true,
          message: 'Citizen data wiped (draft and session); the outbox is kept so no submission is lost.',
        };
        reloadAfter = true;
        break;
      case 'collect_logs':
        result = { ok: true, message: 'Logs of this page attached.', output: this.telemetry.logs() };
        break;
    }
    this.telemetry.log(`command ${command.kind} (${command.id})`);
    await this.client.commandResult(command.id, result);
    if (restartShell) {
      // The shell answers first and relaunches a moment later; if it cannot, the page reloads.
      const outcome = await this.options.bridge.restartShell().catch(() => 'reloading' as const);
      if (outcome === 'restarting') return true;
      reloadAfter = true;
    }
    if (reloadAfter) this.reload();
    return reloadAfter;
  }

  /** A refused office key goes to the fleet console with the next heartbeat, as an alert. */
  private async reportOfficeKeyRefusal(message: string): Promise<void> {
    this.telemetry.error(`office key refused: ${message}`);
    const event: TerminalEvent = {
      kind: 'office_key_refused',
      version: this.record.state.active?.payload.version ?? null,
      message: message.slice(0, 1000),
      at: new Date().toISOString(),
    };
    await this.save({ ...this.record, events: [...this.record.events, event].slice(-20) });
  }

  private async save(record: FleetRecord): Promise<void> {
    this.record = record;
    await writeFleetRecord(this.options.db, record);
    this.publishState();
  }

  /** For tests and support staff: the state on the root element, and one event per change. */
  private publishState(): void {
    const root = document.documentElement;
    root.dataset['fleetConfigVersion'] = String(this.record.state.active?.payload.version ?? 0);
    root.dataset['fleetTrial'] = this.record.state.trial ? 'yes' : 'no';
    const last = this.record.events.at(-1);
    if (last) root.dataset['fleetLastEvent'] = `${last.kind}:${last.version ?? ''}`;
  }
}

/**
 * What "reload" and "restart" do in this shell: Electron relaunches itself through the bridge
 * (main process and page); a browser cannot be restarted by its page, so the page reloads and the
 * result says so plainly.
 */
export function restartPlan(
  kind: 'reload' | 'restart',
  shell: ShellKind,
): { action: 'reload' | 'restart-shell'; message: string } {
  if (kind === 'reload') return { action: 'reload', message: 'reload: the kiosk page restarts now.' };
  if (shell === 'electron')
    return {
      action: 'restart-shell',
      message: 'restart: the Electron shell restarts now (main process and page).',
    };
  return {
    action: 'reload',
    message: 'restart: Chromium mode has no shell the kiosk may restart; the kiosk page reloads instead.',
  };
}

/** Short enough for the fleet table: the browser's user agent is reduced to its engine version. */
export function appVersion(shell: ShellInfo): string {
  if (shell.kind === 'electron') return `electron ${shell.version}`.slice(0, 40);
  return `browser ${/Chrom(?:e|ium)\/[\d.]+/.exec(shell.version)?.[0] ?? ''}`.trim().slice(0, 40);
}
