import { Initial1795305600000 } from './0001-initial';

/** Every migration this version knows, oldest first. A database that has run one not listed here is newer. */
export const MIGRATIONS = [Initial1795305600000];
