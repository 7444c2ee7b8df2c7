import { postgresDatabases } from '../../../support/store-databases';
import { storeContract } from './store.contract';

storeContract('PostgreSQL', postgresDatabases('store_contract'));
