// npm run db:migration -- <name>: writes a new migration from the difference between schema.prisma and the history.
import { createMigration } from '../core/db/migrate.ts';

const name = process.argv.slice(2).join(' ').trim();
if (!name) {
  console.error('Usage: npm run db:migration -- <name>');
  process.exit(2);
}
const folder = await createMigration(name);
console.log(folder ? `Created prisma/migrations/${folder}/migration.sql` : 'schema.prisma and the migrations agree: nothing to create.');
