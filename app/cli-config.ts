// Configuration for the one-shot commands (backup, restore): the same environment and .env as the app,
// a wrong value reported by name and the command ended.
import { ConfigError, loadEnv, parseConfig, type Config } from './config.ts';

export function loadCliConfig(): Config {
  try {
    return parseConfig(loadEnv(process.env, process.cwd()));
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`${e.message}\nSee README.md, section "Configuration".`);
      process.exit(1);
    }
    throw e;
  }
}
