/**
 * DataSource for the TypeORM CLI (migration:run / migration:generate / drift check).
 * Uses DATABASE_URL; see README "Migrations".
 */
import 'reflect-metadata';
import { loadConfig } from './src/config';
import { makeDataSource } from './src/database/data-source';

const config = loadConfig();
if (!config.databaseUrl) {
  throw new Error('The TypeORM CLI needs DATABASE_URL (the embedded database is started only by the service).');
}

export default makeDataSource({ url: config.databaseUrl });
