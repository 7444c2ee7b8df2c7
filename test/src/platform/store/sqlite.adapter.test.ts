import { sqliteDatabases } from '../../../support/store-databases';
import { storeContract } from './store.contract';

storeContract('SQLite', sqliteDatabases());
