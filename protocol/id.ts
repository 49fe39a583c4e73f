import { z } from 'zod';

/**
 * The one pattern for ids of offices, services, categories, forms, terminals, sites, providers
 * and keys: 2-64 lower-case letters, digits or dashes, never starting with a dash. A leading dash
 * would read as an option on every command line that takes an id (`office-keygen -x`,
 * `provider show --terminal -x`), and the fleet's ids never allowed one.
 */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;

export const ID_MESSAGE = 'must be 2-64 lower-case letters, digits or dashes';

/** An id; `message` replaces the default sentence where a schema names the field itself. */
export const idSchema = (message: string = ID_MESSAGE) => z.string().regex(ID_PATTERN, message);

export const Id = idSchema();

export const isId = (text: string): boolean => ID_PATTERN.test(text);
