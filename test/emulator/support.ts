import { CallLog } from '../../local/emulator/calls.js';
import type { EmulatorEnv } from '../../local/emulator/env.js';
import { createServices, type ServicesOptions } from '../../local/emulator/services/index.js';

/** An emulator environment with a fixed clock, for testing services on their own. */
export function makeEnv(overrides: Partial<EmulatorEnv> = {}): EmulatorEnv {
  return {
    calls: new CallLog(),
    timeZone: 'America/Los_Angeles',
    now: () => new Date('2027-01-15T12:00:00Z'),
    user: 'pmo@example.com',
    Date,
    authMode: 'FULL',
    ...overrides,
  };
}

export function setupServices(options: ServicesOptions = {}, overrides: Partial<EmulatorEnv> = {}) {
  const env = makeEnv(overrides);
  return { env, ...createServices(env, options) };
}
