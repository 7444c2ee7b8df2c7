import { sqliteDatabases } from '../../support/store-databases';
import { crashHerstel } from './crash-herstel';

crashHerstel('SQLite', sqliteDatabases());
