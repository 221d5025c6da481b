import * as migration_20261123_061626_initial from './20261123_061626_initial';

export const migrations = [
  {
    up: migration_20261123_061626_initial.up,
    down: migration_20261123_061626_initial.down,
    name: '20261123_061626_initial'
  },
];
