import * as migration_20261123_063355_initial from './20261123_063355_initial';

export const migrations = [
  {
    up: migration_20261123_063355_initial.up,
    down: migration_20261123_063355_initial.down,
    name: '20261123_063355_initial'
  },
];
