import * as migration_20261123_063349_initial from './20261123_063349_initial';
import * as migration_20261123_112625_polls from './20261123_112625_polls';

export const migrations = [
  {
    up: migration_20261123_063349_initial.up,
    down: migration_20261123_063349_initial.down,
    name: '20261123_063349_initial',
  },
  {
    up: migration_20261123_112625_polls.up,
    down: migration_20261123_112625_polls.down,
    name: '20261123_112625_polls'
  },
];
