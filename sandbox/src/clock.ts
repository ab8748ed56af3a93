/**
 * Every timestamp the sandbox writes (record times, status times, usage month,
 * idempotency expiry) comes from one clock, so tests can move time forward
 * instead of waiting 24 hours.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
