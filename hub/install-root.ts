import { basename, dirname } from 'node:path';

/**
 * The folder the hub runs from — an installed package or a checkout alike: the one holding
 * dist/. Found from this file's own place, never from a package.json or the working directory:
 * dist/hub/ when compiled (two levels up), hub/ under tsx (one level up).
 */
export function hubInstallRoot(hubDir: string = import.meta.dirname): string {
  const parent = dirname(hubDir);
  return basename(parent) === 'dist' ? dirname(parent) : parent;
}
