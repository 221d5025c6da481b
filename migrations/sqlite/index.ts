import * as migration_20261123_063349_initial from './20261123_063349_initial';

export const migrations = [
  {
    up: migration_20261123_063349_initial.up,
    down: migration_20261123_063349_initial.down,
    name: '20261123_063349_initial'
  },
];
