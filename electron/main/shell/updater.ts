import type { UpdateSettings } from '../../../kiosk-config/updates.js';
import type { Logger } from '../log.js';
import {
  shouldCheckForUpdates,
  updateInstallVerdict,
  updateOfferVerdict,
  type UpdateRules,
} from '../policy/updates.js';

/** What the shell reads of electron-updater's UpdateInfo. */
export interface OfferedUpdate {
  readonly version: string;
  readonly files: readonly { readonly sha512: string }[];
}

/**
 * The part of electron-updater's autoUpdater the shell uses; main.ts hands in the real one and
 * the compiler checks it against electron-updater's own types.
 */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-available', listener: (info: OfferedUpdate) => void): unknown;
  on(
    event: 'update-downloaded',
    listener: (info: OfferedUpdate & { downloadedFile: string }) => void,
  ): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateService {
  /** Whether a verified update may be installed now (by the maintenance restart). */
  hasDownloadedUpdate(): boolean;
  /** Checks the file once more, installs it and restarts into it; refused: onInstallRefused. */
  installAndRestart(): void;
  dispose(): void;
}

/** How often the shell asks the feed; staged rollout (stagingPercentage) is decided per check. */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

export interface UpdateDeps {
  feedUrl: string | undefined;
  currentVersion: string;
  /** The update settings in force now (they change with every signed config). */
  settings: () => UpdateSettings | undefined;
  /** Whether now is inside the maintenance window; null: the terminal has none. */
  inMaintenanceWindow: (now: Date) => boolean | null;
  now: () => Date;
  /** base64 SHA-512 of a file (shell/file-hash.ts). */
  hashFile: (path: string) => Promise<string>;
  /**
   * Start the new version right after installing. On Linux under systemd the unit restarts the
   * session instead, with the launcher's arguments (a respawn by the updater would lose them).
   */
  forceRunAfter: boolean;
  /** The install was refused at the last moment: restart without it. */
  onInstallRefused: () => void;
  every: (task: () => void, intervalMs: number) => () => void;
  log: Logger;
}

/**
 * Updates come from the provider's generic feed (latest.yml / latest-linux.yml beside the
 * packages), but only the release the signed config expects is downloaded and installed, and
 * only in the maintenance restart, never in front of a citizen (policy/updates.ts).
 */
export function startUpdates(updater: Updater, deps: UpdateDeps): UpdateService {
  let downloaded: { version: string; file: string; sha512: string } | null = null;
  const rules = (): UpdateRules => ({ settings: deps.settings(), currentVersion: deps.currentVersion });
  const installVerdict = (file: { version: string; sha512: string }) =>
    updateInstallVerdict(file, { ...rules(), inMaintenanceWindow: deps.inMaintenanceWindow(deps.now()) });

  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  // A rollback is a release like any other: the policy decides, not the feed's version order.
  updater.allowDowngrade = true;
  if (deps.feedUrl !== undefined) updater.setFeedURL({ provider: 'generic', url: deps.feedUrl });

  updater.on('update-available', (info) => {
    const verdict = updateOfferVerdict(
      { version: info.version, sha512s: info.files.map((file) => file.sha512) },
      rules(),
    );
    if (!verdict.ok) {
      deps.log.warn(`update ${info.version} refused: ${verdict.reason}`);
      return;
    }
    deps.log.info(`update ${info.version} is the signed release; downloading`);
    updater
      .downloadUpdate()
      .catch((error: unknown) => deps.log.warn(`update download failed: ${String(error)}`));
  });
  updater.on('update-downloaded', (info) => {
    deps.hashFile(info.downloadedFile).then(
      (sha512) => {
        const candidate = { version: info.version, file: info.downloadedFile, sha512 };
        // Everything but the window now: a wrong file is dropped at once, not at 03:00.
        const verdict = updateInstallVerdict(candidate, { ...rules(), inMaintenanceWindow: null });
        if (!verdict.ok) {
          deps.log.warn(`update ${info.version} refused: ${verdict.reason}`);
          downloaded = null;
          return;
        }
        downloaded = candidate;
        deps.log.info(`update ${info.version} downloaded and verified; installs in the maintenance restart`);
      },
      (error: unknown) => deps.log.warn(`reading the downloaded update failed: ${String(error)}`),
    );
  });
  updater.on('error', (error) => deps.log.warn(`update check failed: ${error.message}`));

  const check = () => {
    if (!shouldCheckForUpdates(deps.settings())) return;
    updater
      .checkForUpdates()
      .catch((error: unknown) => deps.log.warn(`update check failed: ${String(error)}`));
  };
  check();
  const stop = deps.every(check, UPDATE_CHECK_INTERVAL_MS);

  return {
    hasDownloadedUpdate: () => downloaded !== null && installVerdict(downloaded).ok,
    installAndRestart: () => {
      const pending = downloaded;
      if (!pending) return deps.onInstallRefused();
      // The file is hashed again right before the install: what was checked is what runs.
      deps.hashFile(pending.file).then(
        (sha512) => {
          const verdict = installVerdict({ version: pending.version, sha512 });
          if (!verdict.ok) {
            deps.log.warn(`update ${pending.version} not installed: ${verdict.reason}`);
            if (sha512 !== pending.sha512) downloaded = null;
            deps.onInstallRefused();
            return;
          }
          deps.log.info(`installing update ${pending.version}`);
          updater.quitAndInstall(true, deps.forceRunAfter);
        },
        (error: unknown) => {
          deps.log.warn(`reading the downloaded update failed: ${String(error)}`);
          downloaded = null;
          deps.onInstallRefused();
        },
      );
    },
    dispose: stop,
  };
}
