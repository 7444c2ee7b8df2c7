import { sqliteDatabases } from '../../../support/store-databases';
import { protocolStoreContract } from './protocol-store.contract';

protocolStoreContract('SQLite', sqliteDatabases());
