import * as migration_20261123_061623_initial from './20261123_061623_initial';

export const migrations = [
  {
    up: migration_20261123_061623_initial.up,
    down: migration_20261123_061623_initial.down,
    name: '20261123_061623_initial'
  },
];
