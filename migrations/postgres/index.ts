import * as migration_20261123_063355_initial from './20261123_063355_initial';
import * as migration_20261123_070000_search_trigram_indexes from './20261123_070000_search_trigram_indexes';
import * as migration_20261123_112640_polls from './20261123_112640_polls';

export const migrations = [
  {
    up: migration_20261123_063355_initial.up,
    down: migration_20261123_063355_initial.down,
    name: '20261123_063355_initial',
  },
  {
    up: migration_20261123_070000_search_trigram_indexes.up,
    down: migration_20261123_070000_search_trigram_indexes.down,
    name: '20261123_070000_search_trigram_indexes',
  },
  {
    up: migration_20261123_112640_polls.up,
    down: migration_20261123_112640_polls.down,
    name: '20261123_112640_polls'
  },
];
