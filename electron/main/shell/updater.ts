import type { Logger } from '../log.js';

/** The part of electron-updater's autoUpdater the shell uses; main.ts hands in the real one. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateService {
  /** Whether an update waits to be installed at the next maintenance restart. */
  hasDownloadedUpdate(): boolean;
  /** Installs the waiting update and restarts into it. */
  installAndRestart(): void;
  dispose(): void;
}

/** How often the shell asks the feed; staged rollout (stagingPercentage) is decided per check. */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

/**
 * Updates come from the provider's generic feed (latest.yml / latest-linux.yml beside the
 * packages). They download in the background and install only in the maintenance restart, never
 * in front of a citizen. The feed's stagingPercentage rolls an update out to a share of terminals
 * first; see build/README.md.
 */
export function startUpdates(
  updater: Updater,
  options: {
    feedUrl: string | undefined;
    every: (task: () => void, intervalMs: number) => () => void;
    log: Logger;
  },
): UpdateService {
  let downloaded: string | null = null;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;
  if (options.feedUrl !== undefined) updater.setFeedURL({ provider: 'generic', url: options.feedUrl });
  updater.on('update-downloaded', (info) => {
    downloaded = info.version;
    options.log.info(`update ${info.version} downloaded; installs at the next maintenance restart`);
  });
  updater.on('error', (error) => options.log.warn(`update check failed: ${error.message}`));
  const check = () => {
    updater
      .checkForUpdates()
      .catch((error: unknown) => options.log.warn(`update check failed: ${String(error)}`));
  };
  check();
  const stop = options.every(check, UPDATE_CHECK_INTERVAL_MS);
  return {
    hasDownloadedUpdate: () => downloaded !== null,
    installAndRestart: () => updater.quitAndInstall(true, true),
    dispose: stop,
  };
}
