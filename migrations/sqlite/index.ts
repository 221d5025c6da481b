import * as migration_20261123_063349_initial from './20261123_063349_initial';
import * as migration_20261123_112451_legacy_import from './20261123_112451_legacy_import';

export const migrations = [
  {
    up: migration_20261123_063349_initial.up,
    down: migration_20261123_063349_initial.down,
    name: '20261123_063349_initial',
  },
  {
    up: migration_20261123_112451_legacy_import.up,
    down: migration_20261123_112451_legacy_import.down,
    name: '20261123_112451_legacy_import'
  },
];
