/**
 * The demo office: a tool (training, demos, benchmarks), not product code. `seedDemo` writes
 * every family through the real services (seed.ts, per family plan.ts / family.ts / court.ts);
 * `replicateDemo` (replicate.ts) grows a seeded office to the 100 000-person scale with bulk
 * INSERTs of copies of those families.
 */
export { DEMO_SEEDER_VERSION, demoFingerprint, seedDemo } from './seed';
export { DEMO_ISSUED_OPINIONS, DEMO_MAX_FAMILIES, SCENARIO_STATUS, SCENARIOS } from './model';
export type { DemoContract, DemoCourtRequest, DemoFamily, DemoMember, DemoOptions, DemoReport, DemoStaff, Scenario } from './model';
export { Rng } from './rng';
export { REPLICATOR_VERSION, replicateDemo } from './replicate';
export type { ReplicateOptions, ReplicateReport } from './replicate';
