import type { PrismaClient } from '../../generated/prisma/client.ts';

/** A Prisma client or an interactive transaction: repositories accept either so callers can compose writes. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
