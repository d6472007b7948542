// Prisma's code for a unique constraint that refused a write (P2002), whichever database answered.
export const isUniqueViolation = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { code?: string }).code === 'P2002';
