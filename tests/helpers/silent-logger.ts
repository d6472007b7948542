import pino from 'pino';

/** Logs nothing unless TEST_LOG is set (e.g. TEST_LOG=debug npm test). */
export const testLogger = pino({ level: process.env.TEST_LOG ?? 'silent' });
